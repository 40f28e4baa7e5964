import { describe, expect, it } from 'vitest';
import { pickTrendTier } from './rollup-tier.js';

const now = new Date('2027-06-01T00:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
const hours = (h: number) => h * 3_600_000;

describe('pickTrendTier', () => {
  it('reads the finest tier the range fits', () => {
    expect(pickTrendTier(new Date(now.getTime() - hours(6)), now, now)).toBe('raw');
    expect(pickTrendTier(new Date(now.getTime() - hours(7)), now, now)).toBe('1m');
    expect(pickTrendTier(ago(3), now, now)).toBe('1m');
    expect(pickTrendTier(ago(4), now, now)).toBe('1h');
    expect(pickTrendTier(ago(90), now, now)).toBe('1h');
    expect(pickTrendTier(ago(365), now, now)).toBe('1d');
  });

  it('skips a tier whose retention no longer holds the start of the range', () => {
    const oldHour = ago(100);
    expect(pickTrendTier(oldHour, new Date(oldHour.getTime() + hours(1)), now)).toBe('1m');
    const oldDay = ago(800);
    expect(pickTrendTier(oldDay, new Date(oldDay.getTime() + hours(1)), now)).toBe('1h');
  });

  it('follows other retention settings', () => {
    const from = ago(10);
    const to = new Date(from.getTime() + hours(1));
    expect(pickTrendTier(from, to, now, { rawDays: 7, rollup1mDays: 30, ledgerDays: 30 })).toBe('1m');
    expect(pickTrendTier(from, to, now, { rawDays: 7, rollup1mDays: 5, ledgerDays: 30 })).toBe('1h');
  });
});
