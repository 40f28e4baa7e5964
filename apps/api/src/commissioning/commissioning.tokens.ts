/** The commissioning repository on the scoped pool (row-level security). */
export const COMMISSIONING_REPO = Symbol('COMMISSIONING_REPO');
