import type { PackSample } from '@fleet/telemetry';
import { AnalyticsError } from '../analytics-error.js';
import { numberIn, prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import type { Timestamp } from '../series/timestamp.js';
import { fitLine } from '../stats/fit-line.js';
import { tQuantile975 } from '../stats/student-t.js';
import { projectThreshold, type ThresholdProjection } from './project-threshold.js';

/** One SOH reading: a `PackSample`, a daily rollup row, anything with `ts` and `sohPct`. */
export type SohPoint = { ts: Timestamp } & Pick<PackSample, 'sohPct'>;

export interface SohTrendOptions {
  /** Fewest readings to fit (default 3: the standard error needs one degree of freedom). */
  minPoints?: number;
  /** Shortest first-to-last span in days (default 30): a fade rate from days of data is noise. */
  minSpanDays?: number;
  /** SOH whose crossing date is projected (default 70 %). */
  thresholdPct?: number;
}

/** Not enough data for a trend: said plainly, never a guessed rate. */
export interface SohTrendInsufficient {
  kind: 'insufficient';
  reason: 'too-few-points' | 'span-too-short';
  n: number;
  spanDays: number;
  rejected: RejectCounts;
}

/** A least-squares line through SOH over time. Rates are % of nominal per year, + = losing. */
export interface SohTrendFit {
  kind: 'fit';
  n: number;
  spanDays: number;
  /** −slope of the fitted line, %/year: positive while the string loses health. */
  fadePctPerYear: number;
  /** Standard error of the fade rate, %/year. */
  standardError: number;
  /** 95 % confidence interval of the fade rate (Student's t, n − 2 degrees of freedom). */
  ci95: { low: number; high: number };
  /** Share of SOH variance the line explains; `null` when SOH never changed. */
  rSquared: number | null;
  /** Fitted SOH at the last reading, %. */
  fittedLatestPct: number;
  projection: ThresholdProjection;
  rejected: RejectCounts;
}

export type SohTrend = SohTrendInsufficient | SohTrendFit;

const DAY_MS = 86_400_000;
const YEAR_MS = 365.25 * DAY_MS;

/**
 * Fade rate of a string's SOH by an ordinary least-squares fit over time, with its 95 %
 * confidence interval and the projected date SOH reaches `thresholdPct`. Fewer than `minPoints`
 * readings or a span under `minSpanDays` give `insufficient`, not a number.
 */
export function sohTrend(points: readonly SohPoint[], options: SohTrendOptions = {}): SohTrend {
  const { minPoints = 3, minSpanDays = 30, thresholdPct = 70 } = options;
  if (
    !Number.isInteger(minPoints) ||
    minPoints < 3 ||
    !(minSpanDays >= 0) ||
    !Number.isFinite(thresholdPct)
  ) {
    throw new AnalyticsError('invalid-options', 'minPoints must be a whole number ≥ 3, minSpanDays ≥ 0');
  }
  const { samples, rejected } = prepareSeries(points, (p) => numberIn(p.sohPct, 0, 100));
  const n = samples.length;
  const t0 = samples[0]?.t ?? 0;
  const spanDays = n > 0 ? (samples[n - 1]!.t - t0) / DAY_MS : 0;
  const fit = fitLine(
    samples.map((s) => (s.t - t0) / YEAR_MS),
    samples.map((s) => s.value),
  );
  if (n < minPoints || fit === null) {
    return { kind: 'insufficient', reason: 'too-few-points', n, spanDays, rejected };
  }
  if (spanDays < minSpanDays || spanDays === 0) {
    return { kind: 'insufficient', reason: 'span-too-short', n, spanDays, rejected };
  }
  const standardError = fit.slopeStdErr ?? 0;
  const half = tQuantile975(n - 2) * standardError;
  // 0 − slope, not −slope: a flat line is a fade of 0, not −0.
  const fade = 0 - fit.slope;
  const ci95 = { low: fade - half, high: fade + half };
  const latestX = (samples[n - 1]!.t - t0) / YEAR_MS;
  const fittedLatestPct = fit.intercept + fit.slope * latestX;
  return {
    kind: 'fit',
    n,
    spanDays,
    fadePctPerYear: fade,
    standardError,
    ci95,
    rSquared: fit.rSquared,
    fittedLatestPct,
    projection: projectThreshold({ fit, t0, yearMs: YEAR_MS, fittedLatestPct, thresholdPct, fade, ci95 }),
    rejected,
  };
}
