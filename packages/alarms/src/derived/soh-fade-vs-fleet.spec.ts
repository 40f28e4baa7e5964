import { describe, expect, it } from 'vitest';
import { type FadeFit, SOH_FADE_PARAMS, sohFadeParams, sohFadeVsFleet } from './soh-fade-vs-fleet.js';

/**
 * A trusted fit by the default params: 731 daily readings over two years (so a 1 % SOH step
 * resolves 0.5 %/year, no more than minSpread), ±0.5 %/year.
 */
const fit = (fadePctPerYear: number, over: Partial<FadeFit> = {}): FadeFit => ({
  fadePctPerYear,
  ci95: { low: fadePctPerYear - 0.5, high: fadePctPerYear + 0.5 },
  n: 731,
  spanDays: 730.5,
  ...over,
});
const fleet = (fades: number[]) => fades.map((f) => fit(f));

describe('sohFadeVsFleet', () => {
  it('measures the excess over the fleet median in the minimum spread when the fleet fades in lockstep', () => {
    // Median 2, MAD 0 → spread = minSpread 0.5; (4 − 2) / 0.5 = 4.
    const peers = fleet([1.9, 2, 2, 2, 2, 2, 2, 2, 2, 2.1]);
    expect(sohFadeVsFleet({ own: fit(4), peers }, SOH_FADE_PARAMS)).toEqual({
      value: 4,
      fleetSize: 10,
      fleetMedian: 2,
      spread: 0.5,
    });
  });

  it('measures it in no less than one SOH step over the string’s own span', () => {
    // 73.05 days = 0.2 year: a 1 % step resolves 5 %/year; (4 − 2) / 5 = 0.4, not an alarm.
    const peers = fleet([1.9, 2, 2, 2, 2, 2, 2, 2, 2, 2.1]);
    const sut = sohFadeVsFleet({ own: fit(4, { spanDays: 73.05 }), peers }, SOH_FADE_PARAMS);
    expect(sut.spread).toBeCloseTo(5, 10);
    expect(sut.value).toBeCloseTo(0.4, 10);
  });

  it('measures it in 1.4826 × MAD when the fleet is spread wider than the minimum', () => {
    // 1 … 11: median 6, |deviations| 0,1,1,2,2,3,3,4,4,5,5 → MAD 3 → spread 4.4478.
    const peers = fleet([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const sut = sohFadeVsFleet({ own: fit(6 + 2 * 4.4478), peers }, SOH_FADE_PARAMS);
    expect(sut.fleetMedian).toBe(6);
    expect(sut.spread).toBeCloseTo(4.4478, 10);
    expect(sut.value).toBeCloseTo(2, 10);
    // A string fading slower than the fleet is negative, never an alarm above a threshold.
    expect(sohFadeVsFleet({ own: fit(1.5523), peers }, SOH_FADE_PARAMS).value).toBeCloseTo(-1, 4);
  });

  it('leaves untrusted peers out of the fleet and does not judge a fleet left too small', () => {
    const trusted = fleet([2, 2, 2, 2, 2, 2, 2, 2, 2]);
    const untrusted = [
      null,
      fit(9, { spanDays: 59 }), // under 60 days
      fit(9, { n: 29 }), // under 30 readings
      fit(9, { ci95: { low: 6.9, high: 11.1 } }), // ±2.1 %/year
      fit(Number.NaN),
    ];
    expect(sohFadeVsFleet({ own: fit(5), peers: [...trusted, ...untrusted] }, SOH_FADE_PARAMS)).toEqual({
      value: null,
      reason: 'fleet of 9 < 10',
      fleetSize: 9,
    });
    // One more trusted peer makes ten; the untrusted 9 %/year peers still do not move the median.
    const sut = sohFadeVsFleet({ own: fit(5), peers: [...trusted, fit(2), ...untrusted] }, SOH_FADE_PARAMS);
    expect(sut).toMatchObject({ value: 6, fleetSize: 10, fleetMedian: 2 });
  });

  it('does not judge a string without a trusted fit of its own, however it compares', () => {
    const peers = fleet([2, 2, 2, 2, 2, 2, 2, 2, 2, 2]);
    expect(sohFadeVsFleet({ own: null, peers }, SOH_FADE_PARAMS)).toMatchObject({
      value: null,
      reason: 'no fade rate for this string yet',
    });
    expect(sohFadeVsFleet({ own: fit(20, { spanDays: 30 }), peers }, SOH_FADE_PARAMS)).toMatchObject({
      value: null,
      reason: 'own fade rate not trusted yet',
    });
  });
});

describe('sohFadeParams', () => {
  it('takes each param the rule sets and the default for the rest', () => {
    expect(sohFadeParams({ minFleetSize: 4, minSpread: 1 })).toEqual({
      ...SOH_FADE_PARAMS,
      minFleetSize: 4,
      minSpread: 1,
    });
    expect(sohFadeParams()).toEqual(SOH_FADE_PARAMS);
  });
});
