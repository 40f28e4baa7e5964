/**
 * Nominal energy per module, Wh, for the modules an SC1000 string is built from. Source: the
 * SC1000-100S product page (shared/seeds/sc1000-100s-product-page.txt, "Compatible Battery
 * Modules": H48050 2.4 kWh, H48074 3.552 kWh), consistent with the protocol reference's
 * 15 × 3.2 V × 50 Ah and 48 V × 74 Ah (shared/protocols/pylontech.md §6). Any other module
 * (e.g. Force-H2's 96 V modules) is unknown here on purpose: its capacity must be given.
 */
export const MODULE_NOMINAL_WH: Readonly<Record<string, number>> = {
  H48050: 2400,
  H48074: 3552,
};

/**
 * A string's nominal energy: module count × the module's nominal Wh. `null` for a module model
 * not in {@link MODULE_NOMINAL_WH} or a count that is not a whole number ≥ 1: a capacity is
 * never invented.
 */
export function stringNominalWh(moduleModel: string, moduleCount: number): number | null {
  const perModule = Object.hasOwn(MODULE_NOMINAL_WH, moduleModel)
    ? MODULE_NOMINAL_WH[moduleModel]
    : undefined;
  if (perModule === undefined || !Number.isInteger(moduleCount) || moduleCount < 1) {
    return null;
  }
  return perModule * moduleCount;
}
