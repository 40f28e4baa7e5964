import { AnalyticsError } from '../analytics-error.js';
import { type Timestamp, toEpochMs } from '../series/timestamp.js';
import { type StaleRule, staleAfterMs } from './stale-rule.js';

/**
 * - `online`: heard from within the last N intervals.
 * - `stale`: silent for more than N intervals; `staleSinceMs` is when that happened.
 * - `never-seen`: no last-seen time at all.
 * - `unknown`: a last-seen value that is not a timestamp (named, not thrown on).
 */
export type ConnectivityStatus =
  | { state: 'online' | 'stale'; lastSeenMs: number; missedIntervals: number; staleSinceMs: number | null }
  | { state: 'never-seen' }
  | { state: 'unknown'; reason: 'bad-last-seen' };

/**
 * Whether a string or gateway is stale at `now`. Intervals missed = whole expected intervals that
 * have fully passed since last seen without a report (a report due exactly now is not yet missed);
 * stale once more than `missedIntervals` × interval has passed. A last-seen in the future (a
 * gateway clock ahead) counts as just seen.
 */
export function connectivityStatus(
  lastSeen: Timestamp | null | undefined,
  now: Timestamp,
  rule: StaleRule,
): ConnectivityStatus {
  const limit = staleAfterMs(rule);
  const nowMs = toEpochMs(now);
  if (nowMs === null) {
    throw new AnalyticsError('invalid-options', `now must be a timestamp, got ${String(now)}`);
  }
  if (lastSeen === null || lastSeen === undefined) {
    return { state: 'never-seen' };
  }
  const lastSeenMs = toEpochMs(lastSeen);
  if (lastSeenMs === null) {
    return { state: 'unknown', reason: 'bad-last-seen' };
  }
  const silentMs = Math.max(0, nowMs - lastSeenMs);
  const missedIntervals = Math.max(0, Math.ceil(silentMs / rule.expectedIntervalMs) - 1);
  const stale = silentMs > limit;
  return {
    state: stale ? 'stale' : 'online',
    lastSeenMs,
    missedIntervals,
    staleSinceMs: stale ? lastSeenMs + limit : null,
  };
}
