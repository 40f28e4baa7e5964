/** The scoped site energy reader (row-level security through site and bms_string). */
export const SITE_ENERGY_READER = Symbol('SITE_ENERGY_READER');
