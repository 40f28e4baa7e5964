import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import { en } from '../../i18n/en';
import { createUnitFormatter } from '../format/units';
import { computeCompleteness } from './completeness';
import { completenessText, describeDuration } from './completeness-text';

const H = 3_600_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const hours = (list: number[]) => list.map((h) => ({ bucketStart: iso(T0 + h * H), samples: 60 }));
const range = { from: T0, to: T0 + 10 * H };
const later = T0 + 100 * H;

describe('computeCompleteness', () => {
  it('counts hour buckets without a row as missing and merges neighbours into one gap', () => {
    const sut = computeCompleteness({
      range,
      now: later,
      tier: '1h',
      points: hours([0, 1, 2, 5, 6, 7, 8, 9]),
      gaps: [],
    });
    expect(sut.missing).toEqual([{ from: T0 + 3 * H, to: T0 + 5 * H }]);
    expect(sut.percent).toBe(80);
  });

  it('adds the API gaps inside buckets that have a row, clipped to the range', () => {
    const gaps = [
      { gapStart: iso(T0 + 0.5 * H), gapEnd: iso(T0 + 0.75 * H) },
      { gapStart: iso(T0 + 9.5 * H), gapEnd: iso(T0 + 30 * H) },
    ];
    const sut = computeCompleteness({
      range,
      now: later,
      tier: '1h',
      points: hours([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]),
      gaps,
    });
    expect(sut.missing).toHaveLength(2);
    expect(sut.percent).toBe(92.5);
  });

  it('does not count the future nor the bucket still filling', () => {
    const sut = computeCompleteness({
      range,
      now: T0 + 4.5 * H,
      tier: '1h',
      points: hours([0, 1, 2, 3]),
      gaps: [],
    });
    expect(sut.analysed).toEqual({ from: T0, to: T0 + 4 * H });
    expect(sut.percent).toBe(100);
    expect(computeCompleteness({ range, now: T0 - H, tier: '1h', points: [], gaps: [] }).percent).toBeNull();
  });

  it('finds raw holes longer than 10 minutes, including before the first and after the last sample', () => {
    const min = 60_000;
    const points = [5, 6, 7, 30, 31].map((m) => ({ bucketStart: iso(T0 + m * min), samples: 1 }));
    const sut = computeCompleteness({
      range: { from: T0, to: T0 + 60 * min },
      now: later,
      tier: 'raw',
      points,
      gaps: [],
    });
    expect(sut.missing).toEqual([
      { from: T0 + 7 * min, to: T0 + 30 * min },
      { from: T0 + 31 * min, to: T0 + 60 * min },
    ]);
  });

  it('does not count the bucket cut by the range start (the API returns buckets starting in the range)', () => {
    const cut = { from: T0 + 0.25 * H, to: T0 + 3 * H };
    const sut = computeCompleteness({ range: cut, now: later, tier: '1h', points: hours([1, 2]), gaps: [] });
    expect(sut.analysed.from).toBe(T0 + H);
    expect(sut.percent).toBe(100);
  });

  it('treats a row without samples as missing', () => {
    const points = [{ bucketStart: iso(T0), samples: 0 }];
    const sut = computeCompleteness({
      range: { from: T0, to: T0 + H },
      now: later,
      tier: '1h',
      points,
      gaps: [],
    });
    expect(sut.percent).toBe(0);
  });
});

describe('completenessText', () => {
  const fmt = createUnitFormatter('en');

  it("names the share, the number of gaps and each gap on the site's clock", () => {
    const sut = computeCompleteness({
      range,
      now: later,
      tier: '1h',
      points: hours([0, 1, 2, 5, 6, 7, 8, 9]),
      gaps: [],
    });
    const text = completenessText(sut, en, fmt, 'Europe/Berlin');
    expect(text.summary).toBe('Data complete 80.0\u00a0% of the range; 1 gap.');
    expect(text.gaps).toEqual(['20 Nov 2026, 04:00 CET – 20 Nov 2026, 06:00 CET (2 h)']);
    expect(completenessText(sut, dictionaryFor('de'), createUnitFormatter('de'), 'UTC').gaps).toEqual([
      '20.11.2026, 03:00 UTC – 20.11.2026, 05:00 UTC (2 h)',
    ]);
    expect(text.more).toBeNull();
  });

  it('counts gaps beyond the listed ten', () => {
    const missing = Array.from({ length: 12 }, (_, i) => ({ from: i * 2 * H, to: (i * 2 + 1) * H }));
    const text = completenessText(
      { percent: 50, missing, analysed: { from: 0, to: 24 * H } },
      en,
      fmt,
      'UTC',
    );
    expect(text.summary).toBe('Data complete 50.0\u00a0% of the range; 12 gaps.');
    expect(text.gaps).toHaveLength(10);
    expect(text.more).toBe('… and 2 more');
  });

  it('describes durations in minutes, hours or days', () => {
    expect(describeDuration(45 * 60_000, en)).toBe('45 min');
    expect(describeDuration(6 * H, en)).toBe('6 h');
    expect(describeDuration(72 * H, en)).toBe('3 d');
  });
});
