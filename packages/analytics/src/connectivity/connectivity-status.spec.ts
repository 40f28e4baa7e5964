import { describe, expect, it } from 'vitest';
import { AnalyticsError } from '../analytics-error.js';
import { connectivityStatus } from './connectivity-status.js';

const T0 = Date.parse('2026-09-01T12:00:00Z');
const rule = { expectedIntervalMs: 60_000, missedIntervals: 3 };
const after = (ms: number) => connectivityStatus(T0, T0 + ms, rule);

describe('connectivityStatus', () => {
  it('counts missed intervals and turns stale only after N of them', () => {
    expect(after(59_000)).toMatchObject({ state: 'online', missedIntervals: 0 });
    expect(after(61_000)).toMatchObject({ state: 'online', missedIntervals: 1 });
    // At exactly 3 intervals the third report is due now, not yet missed.
    expect(after(180_000)).toEqual({
      state: 'online',
      lastSeenMs: T0,
      missedIntervals: 2,
      staleSinceMs: null,
    });
    expect(after(180_001)).toEqual({
      state: 'stale',
      lastSeenMs: T0,
      missedIntervals: 3,
      staleSinceMs: T0 + 180_000,
    });
  });

  it('reads ISO last-seen times and treats one in the future as just seen', () => {
    expect(connectivityStatus('2026-09-01T12:00:00Z', T0 + 200_000, rule)).toMatchObject({ state: 'stale' });
    expect(connectivityStatus(T0 + 5000, T0, rule)).toMatchObject({ state: 'online', missedIntervals: 0 });
  });

  it('names a source never seen, or one whose last-seen is not a time, instead of throwing', () => {
    expect(connectivityStatus(null, T0, rule)).toEqual({ state: 'never-seen' });
    expect(connectivityStatus('last tuesday', T0, rule)).toEqual({
      state: 'unknown',
      reason: 'bad-last-seen',
    });
  });

  it('refuses a rule or a clock that cannot be right', () => {
    expect(() => connectivityStatus(T0, T0, { expectedIntervalMs: 0 })).toThrow(AnalyticsError);
    expect(() => connectivityStatus(T0, T0, { expectedIntervalMs: 1000, missedIntervals: 0 })).toThrow(
      /missedIntervals/,
    );
    expect(() => connectivityStatus(T0, 'now', rule)).toThrow(/now/);
  });
});
