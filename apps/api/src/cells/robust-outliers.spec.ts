import { describe, expect, it } from 'vitest';
import { median, robustOutliers, TEMPERATURE_RULE, VOLTAGE_RULE } from './robust-outliers.js';

/** A 4 × 5 string at rest around 3 310 mV, with a little natural scatter. */
const balanced = (): number[][] => [
  [3310, 3311, 3309, 3312, 3310],
  [3308, 3310, 3311, 3310, 3309],
  [3312, 3310, 3310, 3309, 3311],
  [3310, 3309, 3310, 3311, 3310],
];

describe('robustOutliers', () => {
  it('marks exactly the weak cell, with its distance from the string median', () => {
    const grid = balanced();
    grid[2]![3] = 3262;
    const sut = robustOutliers(grid, VOLTAGE_RULE);
    expect(sut?.median).toBe(3310);
    expect(sut?.count).toBe(1);
    expect(sut?.outlier[2]?.[3]).toBe(true);
    expect(sut?.deviation[2]?.[3]).toBe(-48);
    expect(sut?.outlier.flat().filter(Boolean)).toHaveLength(1);
  });

  it('calls nothing an outlier in a balanced string: the floor, not the tiny MAD, decides', () => {
    const grid = balanced();
    grid[0]![0] = 3325; // 15 mV above: more than 3.5 robust σ of a 1 mV MAD, but under the 20 mV floor
    const sut = robustOutliers(grid, VOLTAGE_RULE);
    expect(sut?.mad).toBe(1);
    expect(sut?.threshold).toBe(20);
    expect(sut?.count).toBe(0);
  });

  it('widens the threshold with the scatter, so a string under load is not all outliers', () => {
    const wide = balanced().map((row, m) => row.map((v, c) => v + ((m * 5 + c) % 7) * 12 - 36));
    const sut = robustOutliers(wide, VOLTAGE_RULE);
    expect(sut?.threshold).toBeGreaterThan(VOLTAGE_RULE.floor);
    expect(sut?.count).toBe(0);
  });

  it('flags high values too (a hot sensor), and skips entries that were not read', () => {
    const temps: (number | null)[][] = [
      [250, 251, null],
      [249, 250, 252],
      [251, 300, 250],
    ];
    const sut = robustOutliers(temps, TEMPERATURE_RULE);
    expect(sut?.outlier).toEqual([
      [false, false, false],
      [false, false, false],
      [false, true, false],
    ]);
    expect(sut?.deviation[0]?.[2]).toBeNull();
  });

  it('is null for a grid without a single value', () => {
    expect(robustOutliers([[null, null]], VOLTAGE_RULE)).toBeNull();
    expect(robustOutliers([], VOLTAGE_RULE)).toBeNull();
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
