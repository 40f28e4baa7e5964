import type { LineFit } from '../stats/fit-line.js';

/**
 * When a fitted SOH line reaches a threshold (epoch ms).
 * - `projected`: `atMs` from the fitted rate; `earliestMs` from the upper (faster) end of the
 *   fade rate's 95 % interval and `latestMs` from the lower end, or `null` when the lower end is
 *   ≤ 0 (the data cannot rule out no fade at all, so no latest date exists).
 * - `not-fading`: the fitted line does not fall.
 * - `already-below`: the fitted SOH at the last reading is at or below the threshold.
 */
export type ThresholdProjection =
  | { kind: 'projected'; thresholdPct: number; atMs: number; earliestMs: number; latestMs: number | null }
  | { kind: 'not-fading'; thresholdPct: number }
  | { kind: 'already-below'; thresholdPct: number };

interface ProjectionInput {
  fit: LineFit;
  t0: number;
  yearMs: number;
  fittedLatestPct: number;
  thresholdPct: number;
  fade: number;
  ci95: { low: number; high: number };
}

/**
 * The interval's ends pivot about the data's centroid (mean time, mean SOH), where the line is
 * best known; the centroid's own uncertainty (σ/√n) is left out, so the date range is the
 * rate's uncertainty only.
 */
export function projectThreshold(input: ProjectionInput): ThresholdProjection {
  const { fit, t0, yearMs, fittedLatestPct, thresholdPct, fade, ci95 } = input;
  if (fittedLatestPct <= thresholdPct) {
    return { kind: 'already-below', thresholdPct };
  }
  if (fade <= 0) {
    return { kind: 'not-fading', thresholdPct };
  }
  const crossingAt = (rate: number) => t0 + (fit.meanX + (fit.meanY - thresholdPct) / rate) * yearMs;
  return {
    kind: 'projected',
    thresholdPct,
    atMs: crossingAt(fade),
    earliestMs: crossingAt(ci95.high),
    latestMs: ci95.low > 0 ? crossingAt(ci95.low) : null,
  };
}
