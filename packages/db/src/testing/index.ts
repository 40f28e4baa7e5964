// Factories and test-database helpers, for tests and the seed only (STYLE.md §18).

export {
  createMigratedTemplate,
  createTestDatabase,
  databaseUrl,
  dropDatabase,
  dropStaleTestDatabases,
  type TestDatabase,
} from './test-database.js';
export {
  probeTestDatabaseTargets,
  TEST_TARGETS_ENV,
  type TestDatabaseTarget,
  testDatabaseTargets,
} from './test-database-target.js';
