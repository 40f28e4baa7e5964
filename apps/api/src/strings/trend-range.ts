import { pickTrendTier, type TrendTier } from '@fleet/db';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const YEAR_MS = 365 * DAY_MS;

/**
 * Longest range per tier: a trend answer is one JSON body (≲ 20,000 points), an export streams
 * in windows (`EXPORT_WINDOW_MS`) and may run longer (≲ 1,000,000 rows at a 5-s sample).
 */
export const TREND_MAX_MS: Readonly<Record<TrendTier, number>> = {
  raw: DAY_MS,
  '1m': 7 * DAY_MS,
  '1h': YEAR_MS,
  '1d': 20 * YEAR_MS,
};
export const EXPORT_MAX_MS: Readonly<Record<TrendTier, number>> = {
  raw: 31 * DAY_MS,
  '1m': 93 * DAY_MS,
  '1h': 10 * YEAR_MS,
  '1d': 50 * YEAR_MS,
};
/** One query of an export reads at most this much time, so memory stays flat however long the range. */
export const EXPORT_WINDOW_MS: Readonly<Record<TrendTier, number>> = {
  raw: 6 * HOUR_MS,
  '1m': 3 * DAY_MS,
  '1h': 90 * DAY_MS,
  '1d': 5 * YEAR_MS,
};

export type TrendBucket = TrendTier | 'auto';

export type TrendRangeResult = { ok: true; tier: TrendTier } | { ok: false; message: string };

/** The tier to read for [from, to), or why the range is refused (from ≥ to, longer than the tier allows). */
export function resolveTrendRange(
  range: { from: Date; to: Date; bucket: TrendBucket },
  limits: Readonly<Record<TrendTier, number>>,
  now: Date,
): TrendRangeResult {
  const span = range.to.getTime() - range.from.getTime();
  if (!(span > 0)) {
    return { ok: false, message: 'from: must be before to' };
  }
  const tier = range.bucket === 'auto' ? pickTrendTier(range.from, range.to, now) : range.bucket;
  const max = limits[tier];
  if (span > max) {
    return { ok: false, message: `to: a ${tier} range is at most ${describeSpan(max)}` };
  }
  return { ok: true, tier };
}

/** Consecutive [from, to) windows of at most `width` covering the range, oldest first. */
export function* windowsOf(from: Date, to: Date, width: number): Generator<{ from: Date; to: Date }> {
  for (let start = from.getTime(); start < to.getTime(); start += width) {
    yield { from: new Date(start), to: new Date(Math.min(start + width, to.getTime())) };
  }
}

function describeSpan(ms: number): string {
  const [n, unit] =
    ms >= YEAR_MS ? [ms / YEAR_MS, 'year'] : ms >= DAY_MS ? [ms / DAY_MS, 'day'] : [ms / HOUR_MS, 'hour'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
