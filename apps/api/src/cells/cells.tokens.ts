/** The scoped cell snapshot reader (row-level security through bms_string). */
export const CELL_READER = Symbol('CELL_READER');
