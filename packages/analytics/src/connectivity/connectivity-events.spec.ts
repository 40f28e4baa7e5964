import { describe, expect, it } from 'vitest';
import { connectivityEvents } from './connectivity-events.js';

const T0 = Date.parse('2026-09-01T12:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;

describe('connectivityEvents', () => {
  it('records offline after N missed intervals and online at the next report, worked by hand', () => {
    // Every 60 s, stale after 3 × 60 s. Silent 120 → 400 s: offline at 300 s, online at 400 s.
    // 460 → 600 s is 140 s: not offline. Silent after 600 s until now = 900 s: offline at 780 s.
    const sut = connectivityEvents([s(0), s(60), s(120), s(400), new Date(s(460)).toISOString(), s(600)], {
      expectedIntervalMs: 60_000,
      missedIntervals: 3,
      now: s(900),
    });
    expect(sut.events).toEqual([
      { kind: 'offline', atMs: s(300), lastSeenMs: s(120) },
      { kind: 'online', atMs: s(400), silentMs: 280_000 },
      { kind: 'offline', atMs: s(780), lastSeenMs: s(600) },
    ]);
  });

  it('orders reports first, and counts ones that are not times', () => {
    const sut = connectivityEvents([s(400), 'soon', s(0), s(0)], { expectedIntervalMs: 60_000 });
    expect(sut.events.map((e) => e.kind)).toEqual(['offline', 'online']);
    expect(sut.rejected).toMatchObject({ badTimestamp: 1, duplicateTimestamp: 1 });
  });

  it('has no trailing offline without a now, and no events for a source never heard from', () => {
    expect(connectivityEvents([s(0)], { expectedIntervalMs: 60_000 }).events).toEqual([]);
    expect(connectivityEvents([], { expectedIntervalMs: 60_000, now: s(1e6) }).events).toEqual([]);
  });
});
