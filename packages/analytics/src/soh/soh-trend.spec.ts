import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyticsError } from '../analytics-error.js';
import { type SohPoint, sohTrend } from './soh-trend.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const YEAR = 365.25 * 86_400_000;
const soh = (years: number, sohPct: number): SohPoint => ({ ts: T0 + years * YEAR, sohPct });

describe('sohTrend', () => {
  it('fits a known straight fade exactly: 4 %/year, reaching 70 % after 7.5 years', () => {
    const sut = sohTrend([soh(0, 100), soh(0.5, 98), soh(1, 96)]);
    if (sut.kind !== 'fit') {
      throw new Error(`expected a fit, got ${sut.kind}`);
    }
    expect(sut.fadePctPerYear).toBeCloseTo(4, 9);
    expect(sut.standardError).toBeCloseTo(0, 9);
    expect(sut.ci95.low).toBeCloseTo(4, 9);
    expect(sut.ci95.high).toBeCloseTo(4, 9);
    expect(sut.rSquared).toBeCloseTo(1, 9);
    expect(sut.fittedLatestPct).toBeCloseTo(96, 9);
    // From the centroid (0.5 y, 98 %): (98 − 70) / 4 = 7 years later.
    expect(sut.projection).toMatchObject({ kind: 'projected', thresholdPct: 70 });
    if (sut.projection.kind === 'projected') {
      expect(sut.projection.atMs).toBeCloseTo(T0 + 7.5 * YEAR, -1);
      expect(sut.projection.earliestMs).toBeCloseTo(T0 + 7.5 * YEAR, -1);
      expect(sut.projection.latestMs).toBeCloseTo(T0 + 7.5 * YEAR, -1);
    }
  });

  it('gives the standard error, the 95 % interval and r² of a noisy fade worked by hand', () => {
    // x = 0,1,2,3 y; SOH 100, 99, 97, 96. x̄ = 1.5, ȳ = 98, Sxx = 5, Sxy = −7 → slope −1.4 %/y.
    // Fitted 100.1, 98.7, 97.3, 95.9 → residuals −0.1, 0.3, −0.3, 0.1, SSR = 0.2, s² = 0.2/2 = 0.1,
    // SE = √(0.1/5) = 0.141421; t(0.975, 2) = 4.302653 → half-width 0.608487.
    // SST = 10 → r² = 1 − 0.2/10 = 0.98.
    const sut = sohTrend([soh(0, 100), soh(1, 99), soh(2, 97), soh(3, 96)]);
    if (sut.kind !== 'fit') {
      throw new Error(`expected a fit, got ${sut.kind}`);
    }
    expect(sut.n).toBe(4);
    expect(sut.fadePctPerYear).toBeCloseTo(1.4, 9);
    expect(sut.standardError).toBeCloseTo(0.141421, 6);
    expect(sut.ci95.low).toBeCloseTo(0.791513, 5);
    expect(sut.ci95.high).toBeCloseTo(2.008487, 5);
    expect(sut.rSquared).toBeCloseTo(0.98, 9);
    // 70 % at 1.5 + 28/1.4 = 21.5 y; earliest 1.5 + 28/2.008487 = 15.4408 y; latest 1.5 + 28/0.791513 = 36.8753 y.
    if (sut.projection.kind !== 'projected') {
      throw new Error(`expected a projection, got ${sut.projection.kind}`);
    }
    expect((sut.projection.atMs - T0) / YEAR).toBeCloseTo(21.5, 6);
    expect((sut.projection.earliestMs - T0) / YEAR).toBeCloseTo(15.4408, 3);
    expect(((sut.projection.latestMs ?? Number.NaN) - T0) / YEAR).toBeCloseTo(36.8753, 3);
  });

  it('has no latest date when the interval includes no fade at all', () => {
    // SOH 100, 97, 99, 98: fade 0.4 %/y, SSR 4.2, SE √(2.1/5) = 0.648, half-width 2.79 → low < 0.
    const sut = sohTrend([soh(0, 100), soh(1, 97), soh(2, 99), soh(3, 98)]);
    expect(sut).toMatchObject({ kind: 'fit', projection: { kind: 'projected', latestMs: null } });
    if (sut.kind === 'fit') {
      expect(sut.fadePctPerYear).toBeCloseTo(0.4, 9);
      expect(sut.ci95.low).toBeCloseTo(0.4 - 4.302653 * Math.sqrt(2.1 / 5), 6);
    }
  });
});

describe('sohTrend, when the data cannot carry a rate', () => {
  it('says insufficient, not a rate, for too few readings or too short a span', () => {
    expect(sohTrend([soh(0, 100), soh(1, 96)])).toMatchObject({
      kind: 'insufficient',
      reason: 'too-few-points',
      n: 2,
    });
    const days = (d: number, sohPct: number) => ({ ts: T0 + d * 86_400_000, sohPct });
    expect(sohTrend([days(0, 100), days(10, 99), days(20, 98)])).toMatchObject({
      kind: 'insufficient',
      reason: 'span-too-short',
      spanDays: 20,
    });
    expect(sohTrend([days(0, 100), days(10, 99), days(20, 98)], { minSpanDays: 14 }).kind).toBe('fit');
  });

  it('reports flat SOH as not fading, with r² unknown rather than invented', () => {
    const sut = sohTrend([soh(0, 100), soh(0.5, 100), soh(1, 100)]);
    expect(sut).toMatchObject({
      kind: 'fit',
      fadePctPerYear: 0,
      rSquared: null,
      projection: { kind: 'not-fading' },
    });
  });

  it('reports a string already under the threshold as such', () => {
    const sut = sohTrend([soh(0, 72), soh(1, 70), soh(2, 68)]);
    expect(sut).toMatchObject({ kind: 'fit', projection: { kind: 'already-below', thresholdPct: 70 } });
  });

  it('counts SOH outside 0-100 and bad timestamps instead of fitting them', () => {
    const sut = sohTrend([
      soh(0, 100),
      soh(0.5, 250),
      soh(1, 96),
      { ts: 'yesterday', sohPct: 99 },
      soh(2, 92),
    ]);
    expect(sut).toMatchObject({ kind: 'fit', n: 3, rejected: { badValue: 1, badTimestamp: 1 } });
  });

  it('refuses minPoints below 3', () => {
    expect(() => sohTrend([], { minPoints: 2 })).toThrow(AnalyticsError);
  });
});

describe('sohTrend, property', () => {
  it('the interval always contains the fitted rate, and a line through exact points is recovered', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 3650 }), { minLength: 3, maxLength: 30 }),
        fc.integer({ min: -500, max: 500 }),
        (days, centiPctPerYear) => {
          fc.pre(Math.max(...days) - Math.min(...days) >= 30);
          const rate = centiPctPerYear / 100;
          const points = days.map((d) => ({
            ts: T0 + d * 86_400_000,
            sohPct: 90 - (rate * d * 86_400_000) / YEAR,
          }));
          fc.pre(points.every((p) => p.sohPct >= 0 && p.sohPct <= 100));
          const sut = sohTrend(points);
          expect(sut.kind).toBe('fit');
          if (sut.kind === 'fit') {
            expect(sut.fadePctPerYear).toBeCloseTo(rate, 6);
            expect(sut.ci95.low).toBeLessThanOrEqual(sut.fadePctPerYear + 1e-9);
            expect(sut.ci95.high).toBeGreaterThanOrEqual(sut.fadePctPerYear - 1e-9);
          }
        },
      ),
    );
  });
});
