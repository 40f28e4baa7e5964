import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyticsError } from '../analytics-error.js';
import { dailyCompleteness } from './daily-completeness.js';

const HOUR = 3_600_000;
const MAR1 = Date.parse('2026-03-01T00:00:00Z');
const MAR2 = MAR1 + 24 * HOUR;
const MAR3 = MAR2 + 24 * HOUR;
const hourly = { expectedIntervalMs: HOUR, missedIntervals: 2 };

describe('dailyCompleteness', () => {
  it('counts expected and received reports per UTC day and lists the silences, worked by hand', () => {
    // 1 March: hourly except 10, 11, 12 and 20 h → 20 of 24; 09 → 13 h is silent 4 h (> 2 h: a gap),
    // 19 → 21 h only 2 h (not a gap). 2 March: 00-05 h → 6 of 24, then silent to the end of the
    // range. A report at exactly `to` is outside the range.
    const day1 = [...Array(24).keys()]
      .filter((h) => ![10, 11, 12, 20].includes(h))
      .map((h) => MAR1 + h * HOUR);
    const day2 = [0, 1, 2, 3, 4, 5].map((h) => MAR2 + h * HOUR);
    const sut = dailyCompleteness([...day1, ...day2, MAR3], {
      ...hourly,
      from: MAR1,
      to: '2026-03-03T00:00:00Z',
    });
    expect(sut.days).toEqual([
      {
        day: '2026-03-01',
        startMs: MAR1,
        endMs: MAR2,
        expected: 24,
        received: 20,
        fraction: 20 / 24,
        gaps: [{ fromMs: MAR1 + 9 * HOUR, toMs: MAR1 + 13 * HOUR }],
      },
      {
        day: '2026-03-02',
        startMs: MAR2,
        endMs: MAR3,
        expected: 24,
        received: 6,
        fraction: 0.25,
        gaps: [{ fromMs: MAR2 + 5 * HOUR, toMs: MAR3 }],
      },
    ]);
    expect(sut.outOfRange).toBe(1);
  });

  it('splits days at local midnight for a fixed offset and clips gaps to each day', () => {
    // CET (+60 min): local 1 March runs 28 Feb 23:00Z → 1 March 23:00Z, clipped to the range start.
    const sut = dailyCompleteness([MAR1, MAR1 + 12 * HOUR], {
      ...hourly,
      from: MAR1,
      to: MAR2,
      tzOffsetMinutes: 60,
    });
    expect(sut.days.map((d) => [d.day, d.expected, d.received])).toEqual([
      ['2026-03-01', 23, 2],
      ['2026-03-02', 1, 0],
    ]);
    // Silent 12:00Z → 24:00Z crosses local midnight at 23:00Z.
    expect(sut.days.map((d) => d.gaps)).toEqual([
      [
        { fromMs: MAR1, toMs: MAR1 + 12 * HOUR },
        { fromMs: MAR1 + 12 * HOUR, toMs: MAR1 + 23 * HOUR },
      ],
      [{ fromMs: MAR1 + 23 * HOUR, toMs: MAR2 }],
    ]);
  });

  it('caps the fraction at 1 and refuses a backwards range or a bad offset', () => {
    const twice = [0, 0.5, 1, 1.5].map((h) => MAR1 + h * HOUR);
    expect(dailyCompleteness(twice, { ...hourly, from: MAR1, to: MAR1 + 2 * HOUR }).days[0]?.fraction).toBe(
      1,
    );
    expect(() => dailyCompleteness([], { ...hourly, from: MAR2, to: MAR1 })).toThrow(AnalyticsError);
    expect(() => dailyCompleteness([], { ...hourly, from: MAR1, to: MAR2, tzOffsetMinutes: 2000 })).toThrow(
      /tzOffset/,
    );
  });

  it('property: days add up to the range and every in-range report is counted once', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 5 * 24 * 60 }), { maxLength: 200 }),
        fc.integer({ min: -720, max: 840 }),
        (minutes, tzOffsetMinutes) => {
          const to = MAR1 + 4 * 24 * HOUR;
          const seen = minutes.map((m) => MAR1 + m * 60_000);
          const sut = dailyCompleteness(seen, { ...hourly, from: MAR1, to, tzOffsetMinutes });
          const expected = sut.days.reduce((s, d) => s + d.expected, 0);
          const received = sut.days.reduce((s, d) => s + d.received, 0);
          expect(expected).toBeCloseTo(96, 9);
          expect(received + sut.outOfRange).toBe(seen.length);
          expect(sut.days.every((d) => d.fraction >= 0 && d.fraction <= 1)).toBe(true);
        },
      ),
    );
  });
});
