import { AnalyticsError } from '../analytics-error.js';
import { prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import { type Timestamp, toEpochMs } from '../series/timestamp.js';
import { type StaleRule, staleAfterMs } from './stale-rule.js';

/**
 * - `offline`: at `atMs` the source had been silent for N intervals since `lastSeenMs`.
 * - `online`: heard from again at `atMs` after `silentMs` without a report.
 */
export type ConnectivityEvent =
  | { kind: 'offline'; atMs: number; lastSeenMs: number }
  | { kind: 'online'; atMs: number; silentMs: number };

export interface ConnectivityEventsResult {
  events: ConnectivityEvent[];
  rejected: RejectCounts;
}

/**
 * Offline and back-online transitions from the times a string or gateway was heard from, by the
 * same rule as {@link connectivityStatus}. With `now`, a source silent at the end gets its
 * trailing `offline` event too. The first report is not an event: before it nothing was expected.
 */
export function connectivityEvents(
  seen: readonly Timestamp[],
  rule: StaleRule & { now?: Timestamp },
): ConnectivityEventsResult {
  const limit = staleAfterMs(rule);
  const nowMs = rule.now === undefined ? null : toEpochMs(rule.now);
  if (rule.now !== undefined && nowMs === null) {
    throw new AnalyticsError('invalid-options', `now must be a timestamp, got ${String(rule.now)}`);
  }
  const { samples, rejected } = prepareSeries(
    seen.map((ts) => ({ ts })),
    () => true,
  );
  const events: ConnectivityEvent[] = [];
  for (let i = 1; i < samples.length; i++) {
    const lastSeenMs = samples[i - 1]!.t;
    const atMs = samples[i]!.t;
    if (atMs - lastSeenMs > limit) {
      events.push({ kind: 'offline', atMs: lastSeenMs + limit, lastSeenMs });
      events.push({ kind: 'online', atMs, silentMs: atMs - lastSeenMs });
    }
  }
  const last = samples[samples.length - 1];
  if (last && nowMs !== null && nowMs - last.t > limit) {
    events.push({ kind: 'offline', atMs: last.t + limit, lastSeenMs: last.t });
  }
  return { events, rejected };
}
