/** Repositories of the warranty module, all on the scoped pool (row-level security). */
export const WARRANTY_TERMS_REPO = Symbol('WARRANTY_TERMS_REPO');
export const WARRANTY_STRING_REPO = Symbol('WARRANTY_STRING_REPO');
export const WARRANTY_SERIES_REPO = Symbol('WARRANTY_SERIES_REPO');
export const WARRANTY_MODULE_REPO = Symbol('WARRANTY_MODULE_REPO');
