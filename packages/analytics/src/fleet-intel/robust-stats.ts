// Median and MAD: the centre and spread of a cohort that one sick string cannot move, unlike a
// mean and standard deviation (a single fast-fading string would widen the standard deviation
// and hide itself).

export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median absolute deviation scaled by 1.4826, so it estimates σ for normal data. */
export function scaledMad(values: readonly number[], centre: number): number {
  return 1.4826 * (median(values.map((v) => Math.abs(v - centre))) ?? 0);
}

export interface RobustBaseline {
  median: number;
  /** max(scaled MAD, the feature's floor): a cohort that agrees perfectly still has a resolution. */
  scale: number;
  n: number;
}

export function robustBaseline(values: readonly number[], minScale: number): RobustBaseline | null {
  const m = median(values);
  if (m === null) {
    return null;
  }
  return { median: m, scale: Math.max(scaledMad(values, m), minScale), n: values.length };
}

export function robustZ(value: number, baseline: RobustBaseline): number {
  return (value - baseline.median) / baseline.scale;
}
