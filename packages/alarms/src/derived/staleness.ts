import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

export interface StalenessInput {
  /** Last time the string (or gateway) reported, epoch ms; null = never. */
  lastSeenMs: number | null;
  nowMs: number;
  /** How often it is expected to report (the agent's maxSilenceS for a string, the heartbeat period for a gateway). */
  expectedIntervalMs: number;
}

/** Silence in reporting intervals: above N (default 3) is stale, the analytics stale rule. */
export function staleness(input: StalenessInput): DerivedReading {
  const { lastSeenMs, nowMs, expectedIntervalMs } = input;
  if (!isFiniteNumber(expectedIntervalMs) || expectedIntervalMs <= 0) {
    return unjudged(`expected interval ${String(expectedIntervalMs)} is not a positive number of ms`);
  }
  if (lastSeenMs === null || !isFiniteNumber(lastSeenMs) || !isFiniteNumber(nowMs)) {
    return unjudged('never seen: nothing to be stale against');
  }
  return { value: Math.max(0, nowMs - lastSeenMs) / expectedIntervalMs };
}
