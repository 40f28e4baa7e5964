import { toEpochMs } from './timestamp.js';

/**
 * Points an analytics function set aside, by reason. Nothing is dropped silently: a result always
 * says how many points were not used and why.
 * - `malformed`: not an object at all
 * - `badTimestamp`: `ts` missing, not a number or zoned ISO text
 * - `badValue`: a value missing, not finite, or outside the field's range
 * - `duplicateTimestamp`: a second point at an instant already seen (the first one is kept, as
 *   the database's `(string_id, ts)` key keeps the first row)
 */
export interface RejectCounts {
  malformed: number;
  badTimestamp: number;
  badValue: number;
  duplicateTimestamp: number;
}

/** One accepted point: epoch ms and the value read from it. */
export interface Sample<V> {
  t: number;
  value: V;
}

export interface PreparedSeries<V> {
  /** Accepted points in time order, one per instant. */
  samples: Sample<V>[];
  rejected: RejectCounts;
}

export function noRejects(): RejectCounts {
  return { malformed: 0, badTimestamp: 0, badValue: 0, duplicateTimestamp: 0 };
}

/**
 * Validates, sorts and de-duplicates a series. `read` returns the point's value, or `null` when a
 * value is unusable. Input order does not matter: batches arrive out of order after a spool replay.
 */
export function prepareSeries<P, V>(points: readonly P[], read: (point: P) => V | null): PreparedSeries<V> {
  const rejected = noRejects();
  const accepted: Sample<V>[] = [];
  for (const point of points) {
    if (typeof point !== 'object' || point === null) {
      rejected.malformed++;
      continue;
    }
    const t = toEpochMs((point as { ts?: unknown }).ts);
    if (t === null) {
      rejected.badTimestamp++;
      continue;
    }
    const value = read(point);
    if (value === null) {
      rejected.badValue++;
      continue;
    }
    accepted.push({ t, value });
  }
  // Array.prototype.sort is stable, so among equal instants the first given stays first.
  accepted.sort((a, b) => a.t - b.t);
  const samples = accepted.filter((s, i) => i === 0 || s.t !== accepted[i - 1]!.t);
  rejected.duplicateTimestamp = accepted.length - samples.length;
  return { samples, rejected };
}

/** `value` when it is a finite number within [min, max], else `null`. */
export function numberIn(value: unknown, min: number, max: number): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : null;
}
