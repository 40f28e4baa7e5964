/** The topology repository on the scoped pool (row-level security). */
export const TOPOLOGY_REPO = Symbol('TOPOLOGY_REPO');
