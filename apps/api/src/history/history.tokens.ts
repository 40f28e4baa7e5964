/** Repositories of the string history on the scoped pool (row-level security). */
export const MODULE_READER = Symbol('MODULE_READER');
export const EVENT_READER = Symbol('EVENT_READER');
export const GAP_READER = Symbol('GAP_READER');
export const CONNECTIVITY_READER = Symbol('CONNECTIVITY_READER');
