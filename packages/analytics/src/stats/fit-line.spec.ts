import { describe, expect, it } from 'vitest';
import { fitLine } from './fit-line.js';

describe('fitLine', () => {
  it('fits a small set worked by hand', () => {
    // x 1,2,3; y 2,3,5: x̄ 2, ȳ 10/3, Sxx 2, Sxy 3 → slope 1.5, intercept 1/3;
    // residuals 1/6, −1/3, 1/6 → SSR 1/6, s² = 1/6, SE = √(1/12); SST 14/3 → r² = 1 − (1/6)/(14/3) = 27/28.
    const sut = fitLine([1, 2, 3], [2, 3, 5]);
    expect(sut?.slope).toBeCloseTo(1.5, 12);
    expect(sut?.intercept).toBeCloseTo(1 / 3, 12);
    expect(sut?.slopeStdErr).toBeCloseTo(Math.sqrt(1 / 12), 12);
    expect(sut?.rSquared).toBeCloseTo(27 / 28, 12);
  });

  it('has no slope for one point or one x, and no standard error for two points', () => {
    expect(fitLine([1], [1])).toBeNull();
    expect(fitLine([2, 2, 2], [1, 2, 3])).toBeNull();
    expect(fitLine([0, 1], [0, 1])).toMatchObject({ slope: 1, slopeStdErr: null });
  });
});
