import { describe, expect, it } from 'vitest';
import { AnalyticsError } from '../analytics-error.js';
import { guaranteedSohPct } from './guaranteed-soh.js';
import { termWindow } from './term-window.js';
import { timeUsed } from './time-used.js';

const START = Date.parse('2024-03-01T00:00:00Z');

describe('termWindow and timeUsed', () => {
  it('ends the term on the same calendar day, years later (leap days included)', () => {
    const sut = termWindow(START, 10);
    expect(new Date(sut.endMs).toISOString()).toBe('2034-03-01T00:00:00.000Z');
  });

  it('counts elapsed and remaining days and the used fraction', () => {
    const window = termWindow(START, 1); // 2024-03-01 → 2025-03-01: 365 days
    const sut = timeUsed(window, Date.parse('2024-08-30T12:00:00Z'));
    expect(sut.elapsedDays).toBeCloseTo(182.5, 9);
    expect(sut.remainingDays).toBeCloseTo(182.5, 9);
    expect(sut.fraction).toBeCloseTo(0.5, 9);
    expect(sut.expired).toBe(false);
  });

  it('clamps before commissioning and after the end', () => {
    const window = termWindow(START, 2);
    expect(timeUsed(window, START - 86_400_000)).toMatchObject({
      fraction: 0,
      elapsedDays: 0,
      expired: false,
    });
    expect(timeUsed(window, Date.parse('2030-01-01T00:00:00Z'))).toMatchObject({
      fraction: 1,
      remainingDays: 0,
      expired: true,
    });
  });

  it('refuses a term that is not a whole number of years ≥ 1', () => {
    expect(() => termWindow(START, 0)).toThrow(AnalyticsError);
    expect(() => termWindow(START, 2.5)).toThrow(AnalyticsError);
  });
});

describe('guaranteedSohPct', () => {
  const window = termWindow(START, 10);
  it('falls linearly from 100 % to the retained capacity at the end', () => {
    expect(guaranteedSohPct(window, 70, START)).toBe(100);
    expect(guaranteedSohPct(window, 70, (window.startMs + window.endMs) / 2)).toBeCloseTo(85, 9);
    expect(guaranteedSohPct(window, 70, window.endMs)).toBe(70);
    expect(guaranteedSohPct(window, 70, window.endMs + 1e12)).toBe(70);
  });
});
