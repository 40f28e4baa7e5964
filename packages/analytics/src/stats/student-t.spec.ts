import { describe, expect, it } from 'vitest';
import { tQuantile975 } from './student-t.js';

describe('tQuantile975', () => {
  it('gives the table values for small samples', () => {
    expect(tQuantile975(1)).toBe(12.706205);
    expect(tQuantile975(2)).toBe(4.302653);
    expect(tQuantile975(30)).toBe(2.042272);
  });

  it('matches published quantiles beyond the table to five decimals', () => {
    // scipy.stats.t.ppf(0.975, df) for df = 40, 60, 120, 1000.
    expect(tQuantile975(40)).toBeCloseTo(2.021075, 5);
    expect(tQuantile975(60)).toBeCloseTo(2.000298, 5);
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 5);
    expect(tQuantile975(1000)).toBeCloseTo(1.962339, 5);
  });
});
