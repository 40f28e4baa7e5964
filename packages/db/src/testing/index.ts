// Factories and test-database helpers, for tests and the seed only (STYLE.md §18).
