import { describe, expect, it } from 'vitest';
import { spreadByCondition } from './spread-by-condition.js';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const HOUR = 3_600_000;

describe('spreadByCondition', () => {
  it('keeps rest and load spreads apart, worked by hand', () => {
    const sut = spreadByCondition([
      { ts: T0, packCurrentDa: 0, cellVoltagesMv: [[3300, 3310]] }, // rest, 10 mV
      { ts: T0 + HOUR, packCurrentDa: -500, cellVoltagesMv: [[3200, 3240]] }, // load, 40 mV
      { ts: T0 + 2 * HOUR, packCurrentDa: 10, cellVoltagesMv: [[3300, 3320]] }, // rest, 20 mV
      { ts: T0 + 3 * HOUR, cellVoltagesMv: [[3300, 3305]] }, // no current: unknown, 5 mV
      { ts: T0 + 4 * HOUR, packCurrentDa: 0, cellVoltagesMv: [[0]] }, // nothing usable
    ]);
    expect(sut.rest).toEqual({
      snapshots: 2,
      latestMv: 20,
      latestAtMs: T0 + 2 * HOUR,
      meanMv: 15,
      maxMv: 20,
    });
    expect(sut.load).toEqual({ snapshots: 1, latestMv: 40, latestAtMs: T0 + HOUR, meanMv: 40, maxMv: 40 });
    expect(sut.unknown).toMatchObject({ snapshots: 1, latestMv: 5 });
    expect(sut.rejected.badValue).toBe(1);
  });

  it('takes the latest by time, not by input order, and has nulls for a condition never seen', () => {
    const sut = spreadByCondition([
      { ts: T0 + HOUR, packCurrentDa: 0, cellVoltagesMv: [[3300, 3330]] },
      { ts: T0, packCurrentDa: 0, cellVoltagesMv: [[3300, 3301]] },
    ]);
    expect(sut.rest).toMatchObject({ latestMv: 30, latestAtMs: T0 + HOUR });
    expect(sut.load).toEqual({ snapshots: 0, latestMv: null, latestAtMs: null, meanMv: null, maxMv: null });
  });
});
