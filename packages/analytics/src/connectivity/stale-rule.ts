import { AnalyticsError, requirePositive } from '../analytics-error.js';

/** How often a string or gateway is expected to report, and how many misses make it stale. */
export interface StaleRule {
  /** The expected reporting interval, ms (for the agent's default plan: maxSilenceS = 300 s). */
  expectedIntervalMs: number;
  /** Missed intervals after which it counts as stale / offline (default 3). */
  missedIntervals?: number;
}

export const DEFAULT_MISSED_INTERVALS = 3;

/**
 * Silence (ms) beyond which a source is stale: N missed intervals. One rule for the live status,
 * the offline/online events and the gaps of the completeness report, so the three always agree.
 */
export function staleAfterMs(rule: StaleRule): number {
  const interval = requirePositive('expectedIntervalMs', rule.expectedIntervalMs);
  const missed = rule.missedIntervals ?? DEFAULT_MISSED_INTERVALS;
  if (!Number.isInteger(missed) || missed < 1) {
    throw new AnalyticsError('invalid-options', `missedIntervals must be a whole number ≥ 1, got ${missed}`);
  }
  return interval * missed;
}
