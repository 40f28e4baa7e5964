import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyticsError } from '../analytics-error.js';
import { temperatureExposure } from './temperature-exposure.js';

const T0 = Date.parse('2026-07-01T00:00:00Z');
const MIN = 60_000;
const temp = (minutes: number, tempDc: number) => ({ ts: T0 + minutes * MIN, tempDc });

describe('temperatureExposure', () => {
  it('puts each reading’s held time into its band, gaps left out, worked by hand', () => {
    // 20 °C, 30 °C, 46 °C, −5 °C for 30 min each; nothing from 120 to 300 min (gap);
    // then 35.0 °C — exactly an edge, so the upper band — for 30 min; the last reading holds no time.
    const sut = temperatureExposure(
      [
        temp(0, 200),
        temp(30, 300),
        temp(60, 460),
        temp(90, -50),
        temp(120, 200),
        temp(300, 350),
        temp(330, 100),
      ],
      { maxGapMs: 60 * MIN },
    );
    expect(sut.bands).toEqual([
      { fromDc: null, toDc: 0, hours: 0.5 },
      { fromDc: 0, toDc: 150, hours: 0 },
      { fromDc: 150, toDc: 250, hours: 0.5 },
      { fromDc: 250, toDc: 350, hours: 0.5 },
      { fromDc: 350, toDc: 450, hours: 0.5 },
      { fromDc: 450, toDc: null, hours: 0.5 },
    ]);
    expect(sut.coveredHours).toBe(2.5);
    expect(sut.gaps).toEqual([{ fromMs: T0 + 120 * MIN, toMs: T0 + 300 * MIN }]);
  });

  it('takes caller edges, and counts readings outside −100…200 °C as bad', () => {
    const sut = temperatureExposure([temp(0, 100), temp(10, 5000), temp(20, 300), temp(80, 0)], {
      edgesDc: [250],
      maxGapMs: 60 * MIN,
    });
    expect(sut.bands).toEqual([
      { fromDc: null, toDc: 250, hours: 1 / 3 },
      { fromDc: 250, toDc: null, hours: 1 },
    ]);
    expect(sut.rejected.badValue).toBe(1);
  });

  it('refuses edges that do not increase', () => {
    expect(() => temperatureExposure([], { edgesDc: [100, 100] })).toThrow(AnalyticsError);
    expect(() => temperatureExposure([], { edgesDc: [] })).toThrow(/edgesDc/);
  });

  it('property: band hours add up to the covered hours, and covered plus gaps is the span', () => {
    const reading = fc.record({
      minute: fc.integer({ min: 0, max: 2000 }),
      tempDc: fc.integer({ min: -300, max: 700 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(reading, { selector: (r) => r.minute, maxLength: 50 }), (readings) => {
        const sut = temperatureExposure(
          readings.map((r) => temp(r.minute, r.tempDc)),
          { maxGapMs: 45 * MIN },
        );
        const bandSum = sut.bands.reduce((s, b) => s + b.hours, 0);
        expect(bandSum).toBeCloseTo(sut.coveredHours, 9);
        const minutes = readings.map((r) => r.minute);
        const span = minutes.length > 0 ? (Math.max(...minutes) - Math.min(...minutes)) / 60 : 0;
        const gapHours = sut.gaps.reduce((s, g) => s + (g.toMs - g.fromMs) / 3_600_000, 0);
        expect(sut.coveredHours + gapHours).toBeCloseTo(span, 9);
      }),
    );
  });
});
