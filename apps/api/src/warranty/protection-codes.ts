import { ALARM_CATALOGUE } from '@fleet/alarms';

/** Alarm codes the catalogue files as protections: each firing is a protection trip. */
export const PROTECTION_CODES: readonly string[] = ALARM_CATALOGUE.entries
  .filter((e) => e.kind === 'protection')
  .map((e) => e.code);

/**
 * The BMS model of every string this system monitors: a bms_string is one SC1000 string
 * (schema.prisma, BmsString). Terms limited to another BMS model never apply.
 */
export const STRING_BMS_MODEL = 'SC1000';
