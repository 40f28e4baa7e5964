/**
 * What the simulated BMS measures in one instant, in the units its thresholds use. Built from
 * the physical state with fault overrides applied (model/measure-string.ts), so a faulted
 * sensor and a faulted cell look alike to the BMS, as they would to a real one.
 */
export interface BmsMeasurements {
  cellMaxMv: number;
  cellMinMv: number;
  packMv: number;
  moduleMaxMv: number;
  moduleMinMv: number;
  cellTempMaxC: number;
  cellTempMinC: number;
  /** + = charging. */
  currentA: number;
  /** Cells in series actually reporting, for pack thresholds. */
  cellCount: number;
  cellsPerModule: number;
  maxChargeA: number;
  maxDischargeA: number;
}
