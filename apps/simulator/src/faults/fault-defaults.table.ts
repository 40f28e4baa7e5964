// What each fault type means and its default magnitude, as data. The magnitudes are chosen to
// cross the simulator's own thresholds (bms/protection-thresholds.table.ts) decisively; they
// are not measurements of real failures.
import type { FaultType } from './fault.schema.js';

export interface FaultTypeInfo {
  /** What `value` is (or `severity`, for the fraction types). */
  unit: string;
  /** Default `value` for a string of this type; `maxChargeA`/`maxDischargeA` for the current fault. */
  defaultValue: (ctx: { maxDischargeA: number }) => number;
  /** Whether the fault acts on a whole string or on a named module / cell. */
  scope: 'cell' | 'module' | 'string' | 'all-strings' | 'wire';
  /** `severity` (0..1) sets the value instead of `value`. */
  usesSeverity?: boolean;
}

export const FAULT_TYPE_INFO: Record<FaultType, FaultTypeInfo> = {
  // The cell really is over-charged: its voltage is held at ≥ value.
  'cell-over-voltage': { unit: 'mV', defaultValue: () => 3700, scope: 'cell' },
  'cell-under-voltage': { unit: 'mV', defaultValue: () => 2600, scope: 'cell' },
  // Capacity × (1 − severity): the cell runs ahead of the others and drifts away.
  'weak-cell': {
    unit: 'capacity lost, fraction',
    defaultValue: () => 0.4,
    scope: 'cell',
    usesSeverity: true,
  },
  // The reading walks off by value mV per simulated hour since injection.
  'drifting-sensor': { unit: 'mV per hour', defaultValue: () => 100, scope: 'cell' },
  'over-temperature': { unit: '°C', defaultValue: () => 65, scope: 'module' },
  // The site pulls value A regardless of the limits (+ = charging); default 1.5 C discharge.
  'over-current': { unit: 'A', defaultValue: (c) => -1.5 * c.maxDischargeA, scope: 'string' },
  'internal-comm-error': { unit: '', defaultValue: () => 1, scope: 'string' },
  'relay-fault': { unit: '', defaultValue: () => 1, scope: 'string' },
  'module-dropout': { unit: '', defaultValue: () => 1, scope: 'module' },
  // No answer at all from this string (or every string when `string` is omitted).
  'bms-silence': { unit: '', defaultValue: () => 1, scope: 'all-strings' },
  // Fraction of output frames/lines corrupted on `interface` (all interfaces when omitted).
  'garbled-frames': { unit: 'fraction of frames', defaultValue: () => 1, scope: 'wire', usesSeverity: true },
  // Fraction of RS485 replies sent with a wrong CHKSUM.
  'wrong-checksums': {
    unit: 'fraction of replies',
    defaultValue: () => 1,
    scope: 'wire',
    usesSeverity: true,
  },
};
