import { sohTrend } from '../soh/soh-trend.js';
import { guaranteedSohPct } from './guaranteed-soh.js';
import type { TermWindow } from './term-window.js';

/** One day's SOH (the 1-day rollup's last SOH), % of nominal. */
export interface DailySoh {
  dayMs: number;
  sohPct: number | null;
}

/**
 * When SOH reaches the terms' retained capacity, from `sohTrend` over the daily series:
 * `projected` with the 95 % range of the date (`latestMs` null when the data cannot rule out no
 * fade); `insufficient` when the fit has too few days or too short a span (said, never guessed);
 * `no-guarantee` when the terms set no retained capacity.
 */
export type SohProjection =
  | {
      kind: 'projected';
      atMs: number;
      earliestMs: number;
      latestMs: number | null;
      fadePctPerYear: number;
      ci95: { low: number; high: number };
      rSquared: number | null;
      n: number;
    }
  | { kind: 'not-fading'; fadePctPerYear: number; n: number }
  | { kind: 'already-below'; fadePctPerYear: number; n: number }
  | { kind: 'insufficient'; reason: 'too-few-points' | 'span-too-short'; n: number; spanDays: number }
  | { kind: 'no-guarantee' };

export interface SohAgainstGuarantee {
  latest: { atMs: number; sohPct: number } | null;
  /** The guaranteed line at the latest reading; null without a term window or retained capacity. */
  guaranteedAtLatestPct: number | null;
  /** latest − guaranteed, percentage points: negative = below the guarantee. */
  marginPct: number | null;
  projection: SohProjection;
}

export interface SohAgainstGuaranteeOptions {
  window: TermWindow | null;
  retainedPct: number | null;
}

/** The string's SOH since commissioning against the guaranteed line, and when it reaches the retained capacity. */
export function sohAgainstGuarantee(
  days: readonly DailySoh[],
  { window, retainedPct }: SohAgainstGuaranteeOptions,
): SohAgainstGuarantee {
  const since = window?.startMs ?? Number.NEGATIVE_INFINITY;
  const points = days
    .filter((d): d is { dayMs: number; sohPct: number } => d.sohPct !== null && d.dayMs >= since - 86_400_000)
    .filter((d) => d.sohPct >= 0 && d.sohPct <= 100)
    .sort((a, b) => a.dayMs - b.dayMs);
  const last = points.at(-1);
  const latest = last ? { atMs: last.dayMs, sohPct: last.sohPct } : null;
  const guaranteedAtLatestPct =
    latest && window && retainedPct !== null ? guaranteedSohPct(window, retainedPct, latest.atMs) : null;
  return {
    latest,
    guaranteedAtLatestPct,
    marginPct: latest && guaranteedAtLatestPct !== null ? latest.sohPct - guaranteedAtLatestPct : null,
    projection: projectSoh(points, retainedPct),
  };
}

function projectSoh(
  points: readonly { dayMs: number; sohPct: number }[],
  retainedPct: number | null,
): SohProjection {
  if (retainedPct === null) {
    return { kind: 'no-guarantee' };
  }
  const trend = sohTrend(
    points.map((p) => ({ ts: p.dayMs, sohPct: p.sohPct })),
    { thresholdPct: retainedPct },
  );
  if (trend.kind === 'insufficient') {
    return { kind: 'insufficient', reason: trend.reason, n: trend.n, spanDays: trend.spanDays };
  }
  const p = trend.projection;
  if (p.kind !== 'projected') {
    return { kind: p.kind, fadePctPerYear: trend.fadePctPerYear, n: trend.n };
  }
  return {
    kind: 'projected',
    atMs: p.atMs,
    earliestMs: p.earliestMs,
    latestMs: p.latestMs,
    fadePctPerYear: trend.fadePctPerYear,
    ci95: trend.ci95,
    rSquared: trend.rSquared,
    n: trend.n,
  };
}
