import { AnalyticsError } from '../analytics-error.js';
import { prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import type { Gap } from '../series/steps.js';
import { type Timestamp, toEpochMs } from '../series/timestamp.js';
import { type StaleRule, staleAfterMs } from './stale-rule.js';

export interface DailyCompletenessOptions extends StaleRule {
  /** Start of the range, inclusive. */
  from: Timestamp;
  /** End of the range, exclusive. */
  to: Timestamp;
  /**
   * Days run from local midnight at this fixed offset from UTC, minutes (default 0 = UTC days;
   * +60 = CET). A fixed offset: a zone with daylight saving is split by the caller.
   */
  tzOffsetMinutes?: number;
}

/** One day's share of the expected reports. */
export interface DayCompleteness {
  /** Local date, `YYYY-MM-DD`. */
  day: string;
  /** The part of the day inside the range, epoch ms [startMs, endMs). */
  startMs: number;
  endMs: number;
  /** (endMs − startMs) / expectedIntervalMs: reports due in that part of the day. */
  expected: number;
  /** Distinct report times in it. */
  received: number;
  /** received / expected, capped at 1 (extra reports do not make up for missing ones). */
  fraction: number;
  /** The range's gaps, clipped to this day. */
  gaps: Gap[];
}

export interface DailyCompleteness {
  days: DayCompleteness[];
  /** Silences longer than N intervals over the whole range, by the stale rule. */
  gaps: Gap[];
  /** Report times outside [from, to), not counted. */
  outOfRange: number;
  rejected: RejectCounts;
}

const DAY_MS = 86_400_000;

function rangeOf(options: DailyCompletenessOptions): { fromMs: number; toMs: number; offsetMs: number } {
  const fromMs = toEpochMs(options.from);
  const toMs = toEpochMs(options.to);
  const offset = options.tzOffsetMinutes ?? 0;
  if (fromMs === null || toMs === null || toMs <= fromMs) {
    throw new AnalyticsError('invalid-options', 'from and to must be timestamps with from < to');
  }
  if (!Number.isInteger(offset) || Math.abs(offset) > 14 * 60) {
    throw new AnalyticsError(
      'invalid-options',
      `tzOffsetMinutes must be a whole number within ±840, got ${offset}`,
    );
  }
  return { fromMs, toMs, offsetMs: offset * 60_000 };
}

/** Silences longer than `limit` in [fromMs, toMs); the range's ends count as boundaries. */
function silences(times: readonly number[], fromMs: number, toMs: number, limit: number): Gap[] {
  const gaps: Gap[] = [];
  let previous = fromMs;
  for (const t of [...times, toMs]) {
    if (t - previous > limit) {
      gaps.push({ fromMs: previous, toMs: t });
    }
    previous = t;
  }
  return gaps;
}

/**
 * Data completeness per day: for each (local) day of [from, to), reports expected at
 * `expectedIntervalMs` against distinct report times received, and the silences longer than
 * `missedIntervals` intervals (the same rule that marks a source stale), clipped to the day.
 */
export function dailyCompleteness(
  seen: readonly Timestamp[],
  options: DailyCompletenessOptions,
): DailyCompleteness {
  const limit = staleAfterMs(options);
  const { fromMs, toMs, offsetMs } = rangeOf(options);
  const { samples, rejected } = prepareSeries(
    seen.map((ts) => ({ ts })),
    () => true,
  );
  const times = samples.map((s) => s.t).filter((t) => t >= fromMs && t < toMs);
  const gaps = silences(times, fromMs, toMs, limit);
  const days: DayCompleteness[] = [];
  let next = 0;
  for (
    let dayStart = Math.floor((fromMs + offsetMs) / DAY_MS) * DAY_MS - offsetMs;
    dayStart < toMs;
    dayStart += DAY_MS
  ) {
    const startMs = Math.max(dayStart, fromMs);
    const endMs = Math.min(dayStart + DAY_MS, toMs);
    let received = 0;
    while (next < times.length && times[next]! < endMs) {
      received++;
      next++;
    }
    const expected = (endMs - startMs) / options.expectedIntervalMs;
    days.push({
      day: new Date(dayStart + offsetMs).toISOString().slice(0, 10),
      startMs,
      endMs,
      expected,
      received,
      fraction: Math.min(1, received / expected),
      gaps: gaps
        .filter((g) => g.fromMs < endMs && g.toMs > startMs)
        .map((g) => ({ fromMs: Math.max(g.fromMs, startMs), toMs: Math.min(g.toMs, endMs) })),
    });
  }
  return { days, gaps, outOfRange: samples.length - times.length, rejected };
}
