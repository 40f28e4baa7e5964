/**
 * Nominal capacity per module, Ah: the modules of one string are in series, so this is the
 * string's Ah too. Same source as MODULE_NOMINAL_WH (protocol reference §6: 15 × 3.2 V × 50 Ah;
 * 48 V × 74 Ah). Other modules are unknown on purpose.
 */
export const MODULE_NOMINAL_AH: Readonly<Record<string, number>> = { H48050: 50, H48074: 74 };

/**
 * The current limit the terms set, A: the lower of a plain current limit and C-rate × the
 * module's Ah. A C-rate for a module of unknown Ah is not turned into amperes (never invented).
 */
export function currentLimitA(
  maxCurrentA: number | null,
  maxCRate: number | null,
  moduleType: string,
): number | null {
  const ah = Object.hasOwn(MODULE_NOMINAL_AH, moduleType) ? MODULE_NOMINAL_AH[moduleType] : undefined;
  const fromRate = maxCRate !== null && ah !== undefined ? maxCRate * ah : null;
  const limits = [maxCurrentA, fromRate].filter((v): v is number => v !== null);
  return limits.length === 0 ? null : Math.min(...limits);
}
