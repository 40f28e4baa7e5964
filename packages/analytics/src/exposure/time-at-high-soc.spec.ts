import { describe, expect, it } from 'vitest';
import { timeAtHighSoc } from './time-at-high-soc.js';

const T0 = Date.parse('2026-07-01T00:00:00Z');
const MIN = 60_000;
const soc = (minutes: number, socPct: number) => ({ ts: T0 + minutes * MIN, socPct });

describe('timeAtHighSoc', () => {
  it('counts held hours at or above the threshold, gaps left out, worked by hand', () => {
    // 95 % for 1 h (high), 89 % for 1 h, 90 % for 1 h (high: at the threshold counts), 100 %
    // then nothing for 7 h (a gap, not counted), 50 % for 1 h: 2 h high of 4 h covered.
    const sut = timeAtHighSoc(
      [soc(0, 95), soc(60, 89), soc(120, 90), soc(180, 100), soc(600, 50), soc(660, 91)],
      {
        maxGapMs: 120 * MIN,
      },
    );
    expect(sut).toEqual({
      thresholdPct: 90,
      hoursAtOrAbove: 2,
      coveredHours: 4,
      fraction: 0.5,
      gaps: [{ fromMs: T0 + 180 * MIN, toMs: T0 + 600 * MIN }],
      samples: 6,
      rejected: { malformed: 0, badTimestamp: 0, badValue: 0, duplicateTimestamp: 0 },
    });
  });

  it('takes another threshold, and has no fraction when nothing was covered', () => {
    const readings = [soc(0, 96), soc(30, 96), soc(60, 90), soc(90, 90)];
    expect(timeAtHighSoc(readings, { thresholdPct: 95, maxGapMs: 30 * MIN }).fraction).toBeCloseTo(2 / 3, 12);
    // The default maxGapMs (6 min) makes every 30-minute step a gap: nothing covered, no fraction.
    expect(timeAtHighSoc(readings)).toMatchObject({ coveredHours: 0, fraction: null });
    expect(timeAtHighSoc(readings).gaps).toHaveLength(3);
    expect(timeAtHighSoc([soc(0, 96), soc(1, 101)]).rejected.badValue).toBe(1);
  });
});
