// When the simulated BMS raises each alarm (warning) and protection bit of 0x4250 table C
// (protocol reference §1.4.5), as data. EVERY FIGURE HERE IS A SIMULATOR ASSUMPTION, not a
// Pylontech datasheet value (the datasheet tables are unknown, reference §6). Cell voltages
// follow the one real LV parameter frame (R9: 3.65 V high, 2.90 V under-voltage), the
// temperature window the Force-H1 manual's 0…50 °C working range, currents the module
// types' assumed limits. Each bit sets at `set` and clears at `set ∓ hysteresis`, so a value
// sitting on a threshold does not make the bit chatter.
import type { AlarmProtectionFlags } from '@fleet/protocol';
import type { BmsMeasurements } from './bms-measurements.js';

export type FlagName = keyof AlarmProtectionFlags;

export interface ThresholdRule {
  flag: FlagName;
  /** `high`: active at value ≥ set; `low`: active at value ≤ set. */
  direction: 'high' | 'low';
  measure: (m: BmsMeasurements) => number;
  alarm: { set: number; hysteresis: number };
  protection: { set: number; hysteresis: number };
}

/** Pack and module thresholds are per-cell figures: the measure divides by the cells in series. */
export const THRESHOLD_RULES: readonly ThresholdRule[] = [
  {
    flag: 'cellHighVoltage',
    direction: 'high',
    measure: (m) => m.cellMaxMv,
    alarm: { set: 3600, hysteresis: 50 },
    protection: { set: 3650, hysteresis: 100 },
  },
  {
    flag: 'cellLowVoltage',
    direction: 'low',
    measure: (m) => m.cellMinMv,
    alarm: { set: 2900, hysteresis: 50 },
    protection: { set: 2700, hysteresis: 100 },
  },
  {
    flag: 'packHighVoltage',
    direction: 'high',
    measure: (m) => m.packMv / m.cellCount,
    alarm: { set: 3550, hysteresis: 30 },
    protection: { set: 3600, hysteresis: 50 },
  },
  {
    flag: 'packLowVoltage',
    direction: 'low',
    measure: (m) => m.packMv / m.cellCount,
    alarm: { set: 2950, hysteresis: 30 },
    protection: { set: 2800, hysteresis: 50 },
  },
  {
    flag: 'moduleHighVoltage',
    direction: 'high',
    measure: (m) => m.moduleMaxMv / m.cellsPerModule,
    alarm: { set: 3580, hysteresis: 30 },
    protection: { set: 3630, hysteresis: 50 },
  },
  {
    flag: 'moduleLowVoltage',
    direction: 'low',
    measure: (m) => m.moduleMinMv / m.cellsPerModule,
    alarm: { set: 2920, hysteresis: 30 },
    protection: { set: 2750, hysteresis: 50 },
  },
  {
    flag: 'chargeCellHighTemp',
    direction: 'high',
    measure: (m) => m.cellTempMaxC,
    alarm: { set: 50, hysteresis: 3 },
    protection: { set: 55, hysteresis: 5 },
  },
  {
    flag: 'chargeCellLowTemp',
    direction: 'low',
    measure: (m) => m.cellTempMinC,
    alarm: { set: 5, hysteresis: 2 },
    protection: { set: 0, hysteresis: 3 },
  },
  {
    flag: 'dischargeCellHighTemp',
    direction: 'high',
    measure: (m) => m.cellTempMaxC,
    alarm: { set: 55, hysteresis: 3 },
    protection: { set: 60, hysteresis: 5 },
  },
  {
    flag: 'dischargeCellLowTemp',
    direction: 'low',
    measure: (m) => m.cellTempMinC,
    alarm: { set: -10, hysteresis: 2 },
    protection: { set: -20, hysteresis: 3 },
  },
  {
    // Measured as a multiple of the type's charge limit: 1.1× warns, 1.25× trips.
    flag: 'chargeOverCurrent',
    direction: 'high',
    measure: (m) => m.currentA / m.maxChargeA,
    alarm: { set: 1.1, hysteresis: 0.05 },
    protection: { set: 1.25, hysteresis: 0.1 },
  },
  {
    flag: 'dischargeOverCurrent',
    direction: 'high',
    measure: (m) => -m.currentA / m.maxDischargeA,
    alarm: { set: 1.1, hysteresis: 0.05 },
    protection: { set: 1.25, hysteresis: 0.1 },
  },
];
