import { packSampleData } from '@fleet/db/testing';
import { encodePackSeries, expandPackSeries, PACK_SERIES_FIELDS, type PackSeries } from '@fleet/telemetry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandPackSeriesIncremental } from './expand-pack-series.js';

const at = (problems: string[]) => problems.map((p) => p.split(':')[0]);

/** Field values from every class the schema tells apart: valid, out of range, wrong type, absent. */
const value = fc.oneof(
  fc.integer({ min: 0, max: 255 }),
  fc.integer({ min: -40_000, max: 70_000 }),
  fc.constantFrom(null, 'idle', 'charge', 'bogus', true, 1.5, { '4210': 'ab' }),
);
const row = fc
  .tuple(
    fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.constant(-5)),
    fc.array(fc.tuple(fc.integer({ min: 0, max: PACK_SERIES_FIELDS.length + 2 }), value), { maxLength: 4 }),
  )
  .map(([dt, changes]) => [dt, ...changes.flat()]);

describe('expandPackSeriesIncremental', () => {
  it('gives the samples and problem rows of expandPackSeries for any series', () => {
    const valid = encodePackSeries([
      packSampleData({
        ts: '2026-11-25T10:00:00.000Z',
        state: 'idle',
        cellMaxMv: 3340,
        raw: { '4210': '01' },
      }),
      packSampleData({ ts: '2026-11-25T10:00:05.000Z', state: 'charge', socPct: 81 }),
    ]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), value), { maxLength: 3 }),
        fc.array(row, { maxLength: 8 }),
        (keyChanges, rows) => {
          const key = [...valid.key];
          for (const [i, v] of keyChanges) {
            key[i] = v;
          }
          const series: PackSeries = { ...valid, key, rows: [...valid.rows, ...rows] };
          const expected = expandPackSeries(series);
          const actual = expandPackSeriesIncremental(series);
          expect(actual.samples).toEqual(expected.samples);
          expect(at(actual.problems)).toEqual(at(expected.problems));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('names the offending field of a refused row', () => {
    const series = encodePackSeries([packSampleData({ ts: '2026-11-25T10:00:00.000Z' })]);
    series.rows.push(
      [5000, PACK_SERIES_FIELDS.indexOf('socPct'), 300],
      [6000, PACK_SERIES_FIELDS.indexOf('socPct'), 40],
    );
    const sut = expandPackSeriesIncremental(series);
    expect(sut.problems).toEqual(['rows.0: socPct: Too big: expected number to be <=255']);
    expect(sut.samples.map((s) => s.socPct)).toEqual([80, 40]);
  });

  it('names a bad bus or address on every row, as a sample parse would', () => {
    const series = {
      ...encodePackSeries([packSampleData({ ts: '2026-11-25T10:00:00.000Z' })]),
      bmsAddress: 16,
    };
    series.rows.push([5000]);
    const sut = expandPackSeriesIncremental(series);
    expect(sut.samples).toEqual([]);
    expect(sut.problems).toEqual(expandPackSeries(series).problems);
    expect(sut.problems[1]).toBe('rows.0: bmsAddress: Too big: expected number to be <=15');
  });
});
