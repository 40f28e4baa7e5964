import { describe, expect, it } from 'vitest';
import { type DailySoh, sohAgainstGuarantee } from './soh-against-guarantee.js';
import { termWindow } from './term-window.js';

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
const START = Date.parse('2024-01-01T00:00:00Z');
const window = termWindow(START, 10);

describe('sohAgainstGuarantee', () => {
  it('compares the latest SOH with the guaranteed line and projects the retained capacity from the fit', () => {
    // 4 %/year from 100 %: at 2 years 92 %, the line says 100 − 30 × 2/10 ≈ 94 %.
    const days: DailySoh[] = [0, 0.5, 1, 1.5, 2].map((y) => ({
      dayMs: START + y * YEAR,
      sohPct: 100 - 4 * y,
    }));
    const sut = sohAgainstGuarantee(days, { window, retainedPct: 70 });
    expect(sut.latest).toEqual({ atMs: START + 2 * YEAR, sohPct: 92 });
    const lineAt2y = 100 - (30 * (2 * YEAR)) / (window.endMs - window.startMs);
    expect(sut.guaranteedAtLatestPct).toBeCloseTo(lineAt2y, 9);
    expect(sut.marginPct).toBeCloseTo(92 - lineAt2y, 9);
    expect(sut.projection.kind).toBe('projected');
    if (sut.projection.kind === 'projected') {
      // 100 % − 4 %/y reaches 70 % after 7.5 years; exact points give a zero-width interval.
      expect((sut.projection.atMs - START) / YEAR).toBeCloseTo(7.5, 6);
      expect(sut.projection.fadePctPerYear).toBeCloseTo(4, 9);
      expect(sut.projection.n).toBe(5);
    }
  });

  it('says insufficient for too few or too close readings, never a date', () => {
    const two = [
      { dayMs: START, sohPct: 100 },
      { dayMs: START + 100 * DAY, sohPct: 99 },
    ];
    expect(sohAgainstGuarantee(two, { window, retainedPct: 70 }).projection).toEqual({
      kind: 'insufficient',
      reason: 'too-few-points',
      n: 2,
      spanDays: 100,
    });
    const week = [0, 3, 6].map((d) => ({ dayMs: START + d * DAY, sohPct: 100 - d }));
    expect(sohAgainstGuarantee(week, { window, retainedPct: 70 }).projection).toMatchObject({
      kind: 'insufficient',
      reason: 'span-too-short',
    });
  });

  it('leaves days without SOH and days before commissioning out', () => {
    const days: DailySoh[] = [
      { dayMs: START - 30 * DAY, sohPct: 50 },
      { dayMs: START + DAY, sohPct: 100 },
      { dayMs: START + 2 * DAY, sohPct: null },
    ];
    const sut = sohAgainstGuarantee(days, { window, retainedPct: 70 });
    expect(sut.latest).toEqual({ atMs: START + DAY, sohPct: 100 });
    expect(sut.projection).toMatchObject({ kind: 'insufficient', n: 1 });
  });

  it('has no guaranteed line or projection without a retained capacity or a window', () => {
    const days = [{ dayMs: START + DAY, sohPct: 99 }];
    expect(sohAgainstGuarantee(days, { window, retainedPct: null })).toEqual({
      latest: { atMs: START + DAY, sohPct: 99 },
      guaranteedAtLatestPct: null,
      marginPct: null,
      projection: { kind: 'no-guarantee' },
    });
    expect(sohAgainstGuarantee([], { window: null, retainedPct: 70 }).latest).toBeNull();
  });
});
