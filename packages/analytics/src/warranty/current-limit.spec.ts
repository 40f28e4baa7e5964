import { describe, expect, it } from 'vitest';
import { currentLimitA } from './current-limit.js';

describe('currentLimitA', () => {
  it('takes the lower of a current limit and C-rate × module Ah', () => {
    expect(currentLimitA(null, 0.5, 'H48050')).toBe(25);
    expect(currentLimitA(30, 1, 'H48074')).toBe(30);
    expect(currentLimitA(100, 1, 'H48074')).toBe(74);
  });

  it('turns no C-rate into amperes for a module of unknown capacity, and has no limit without any', () => {
    expect(currentLimitA(null, 0.5, 'OTHER')).toBeNull();
    expect(currentLimitA(40, 0.5, 'OTHER')).toBe(40);
    expect(currentLimitA(null, null, 'H48050')).toBeNull();
  });
});
