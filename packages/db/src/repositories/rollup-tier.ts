import { DEFAULT_RETENTION, type RetentionTiers } from './retention.repository.js';

export type TrendTier = 'raw' | '1m' | '1h' | '1d';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Longest range each tier serves, finest first: a chart gets a few thousand points at most
 * (6 h of 5-s samples = 4,320; 3 days of minutes = 4,320; 90 days of hours = 2,160; 15 years of
 * days = 5,479).
 */
const MAX_SPAN_MS: ReadonlyArray<readonly [TrendTier, number]> = [
  ['raw', 6 * HOUR_MS],
  ['1m', 3 * DAY_MS],
  ['1h', 90 * DAY_MS],
];

/**
 * The tier a trend over [from, to) reads: the finest whose span limit the range fits and whose
 * retention still holds `from` (a week from two years ago comes from 1h, not from dropped minutes).
 */
export function pickTrendTier(
  from: Date,
  to: Date,
  now: Date,
  retention: RetentionTiers = DEFAULT_RETENTION,
): TrendTier {
  const span = to.getTime() - from.getTime();
  const age = now.getTime() - from.getTime();
  const kept: Record<TrendTier, number> = {
    raw: retention.rawDays * DAY_MS,
    '1m': retention.rollup1mDays * DAY_MS,
    '1h': Number.POSITIVE_INFINITY,
    '1d': Number.POSITIVE_INFINITY,
  };
  for (const [tier, maxSpan] of MAX_SPAN_MS) {
    if (span <= maxSpan && age <= kept[tier]) {
      return tier;
    }
  }
  return '1d';
}
