// The inputs of the fleet-intelligence analysis: one row per string per UTC day, built from
// the daily and hourly rollups (ingest, apps/ingest/src/fleet-intel) or from the simulator's
// accelerated year (apps/simulator/src/model/fleet-year.ts), plus what is known about the
// string itself. Every field may be null: a day without that reading is skipped by the feature
// that needs it, never guessed.

export interface StringDay {
  /** Start of the UTC day, epoch ms. */
  dayMs: number;
  /** Last SOH the BMS reported that day, whole % (soh_last_pct). */
  sohPct: number | null;
  /** Largest cell spread (max − min cell voltage) of the day, mV (cell_spread_max_mv). */
  cellSpreadMaxMv: number | null;
  /** Highest SOC of the day, % (soc_max_pct). */
  socMaxPct: number | null;
  /** Hours of the day with the hottest cell at or above the high-temperature line (35 °C). */
  highTempHours: number | null;
  /** Hours of the day with SOC at or above the high-SOC line (95 %). */
  highSocHours: number | null;
  /** Cell (0-based over the string, as the BMS numbers it) that held the day's lowest cell voltage. */
  cutoffCellNo: number | null;
  /** Equivalent full cycles that day (discharged energy / nominal energy). */
  cycles: number | null;
}

/** What the fleet knows about a string, for its cohort. */
export interface StringMeta {
  stringId: string;
  /** Module type, e.g. H48050. */
  moduleType: string;
  /** BMS firmware version as reported, or null when not known. */
  firmware: string | null;
  /** Commissioning date (or first sample), epoch ms; null = unknown age. */
  commissionedAtMs: number | null;
  /** Site latitude in degrees; null = unknown climate. */
  latitude: number | null;
}

export interface StringHistory {
  meta: StringMeta;
  /** Days in any order; the analysis sorts them. */
  days: readonly StringDay[];
}
