/**
 * The numbers of one set of warranty terms, as an organisation admin entered them from the
 * manufacturer's documents (nothing here is a default: the published terms were not available
 * to the project). Every limit is optional; a missing one is simply not judged.
 */
export interface WarrantyTermsInput {
  termYears: number;
  /** Energy-throughput cap in MWh per kWh of the string's nominal capacity. */
  throughputMwhPerKwh: number | null;
  /** SOH guaranteed at the end of the term, % of nominal. */
  retainedCapacityPct: number | null;
  limits: OperatingLimits;
}

/** Operating limits; units in the names (0.1 °C as the rollups store them, mV, A). */
export interface OperatingLimits {
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellVoltageMinMv: number | null;
  cellVoltageMaxMv: number | null;
  /** The highest current magnitude allowed, A (from a current limit and/or a C-rate). */
  maxCurrentA: number | null;
}

export const DAY_MS = 86_400_000;
