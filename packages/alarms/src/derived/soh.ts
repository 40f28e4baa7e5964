import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

/** The string's SOH (%), judged against a below-threshold rule. */
export function sohLow(sohPct: unknown): DerivedReading {
  if (!isFiniteNumber(sohPct) || sohPct < 0 || sohPct > 100) {
    return unjudged(`SOH ${String(sohPct)} is not a percentage`);
  }
  return { value: sohPct };
}
