import { describe, expect, it } from 'vitest';
import { moduleDrift } from './module-drift.js';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const WEEK = 7 * 86_400_000;

describe('moduleDrift', () => {
  it('gives each module the slope of its mean against the string mean, worked by hand', () => {
    // String means 3300, 3295, 3290 → module 0 deviates 0, +5, +10; module 1 0, −5, −10 (mV).
    const sut = moduleDrift([
      {
        ts: T0,
        cellVoltagesMv: [
          [3300, 3300],
          [3300, 3300],
        ],
      },
      {
        ts: new Date(T0 + WEEK).toISOString(),
        cellVoltagesMv: [
          [3300, 3300],
          [3290, 3290],
        ],
      },
      {
        ts: T0 + 2 * WEEK,
        cellVoltagesMv: [
          [3300, 3300],
          [3280, 3280],
        ],
      },
    ]);
    expect(sut.snapshots).toBe(3);
    expect(sut.modules).toHaveLength(2);
    expect(sut.modules[0]).toMatchObject({ module: 0, points: 3, latestDeviationMv: 10 });
    expect(sut.modules[0]?.slopeMvPerWeek).toBeCloseTo(5, 9);
    expect(sut.modules[1]?.slopeMvPerWeek).toBeCloseTo(-5, 9);
    expect(sut.modules[1]?.standardError).toBeCloseTo(0, 9);
  });

  it('gives no slope below minPoints and sets aside snapshots without a usable cell', () => {
    const sut = moduleDrift([
      { ts: T0, cellVoltagesMv: [[3300], [3290]] },
      { ts: T0 + WEEK, cellVoltagesMv: [[0], [0]] },
      { ts: T0 + 2 * WEEK, cellVoltagesMv: [[3300], [3280]] },
    ]);
    expect(sut.snapshots).toBe(2);
    expect(sut.rejected.badValue).toBe(1);
    expect(sut.modules.map((m) => m.slopeMvPerWeek)).toEqual([null, null]);
    expect(sut.modules.map((m) => m.latestDeviationMv)).toEqual([10, -10]);
  });
});
