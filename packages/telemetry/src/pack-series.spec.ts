import { describe, expect, it } from 'vitest';
import type { PackSample } from './pack-sample.js';
import { encodePackSeries, expandPackSeries, PACK_SERIES_FIELDS, type PackSeries } from './pack-series.js';

const base: PackSample = {
  kind: 'pack',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 1,
  packVoltageDv: 2469,
  packCurrentDa: -120,
  bmsTempDc: 181,
  socPct: 46,
  sohPct: 100,
  state: 'discharge',
  chargeForbidden: false,
};
const at = (s: number, fields: Partial<PackSample>): PackSample => ({
  ...base,
  ...fields,
  ts: new Date(Date.parse(base.ts) + s * 1000).toISOString(),
});
const idx = (f: (typeof PACK_SERIES_FIELDS)[number]) => PACK_SERIES_FIELDS.indexOf(f);

describe('packs series', () => {
  it('writes a key row and then only what changed, and expands back to the same samples', () => {
    const samples = [
      base,
      at(5, { packCurrentDa: -130 }),
      at(10, { packCurrentDa: -130 }),
      at(15, { packCurrentDa: -130, socPct: 45 }),
    ];
    const sut = encodePackSeries(samples);
    expect(sut.key.slice(0, 5)).toEqual([2469, -120, 181, 46, 100]);
    expect(sut.key[idx('cellMaxMv')]).toBeNull();
    // Hand-computed: current (index 1) changed at +5 s, nothing at +10 s, SOC (index 3) at +15 s.
    expect(sut.rows).toEqual([[5000, 1, -130], [10000], [15000, 3, 45]]);
    expect(expandPackSeries(sut)).toEqual({ samples, problems: [] });
  });

  it('ignores field indexes it does not know (a newer minor field) and keeps the reading', () => {
    const series: PackSeries = { ...encodePackSeries([base]), rows: [[5000, 999, 7, 1, -50]] };
    const sut = expandPackSeries(series);
    expect(sut.problems).toEqual([]);
    expect(sut.samples[1]).toEqual(at(5, { packCurrentDa: -50 }));
  });

  it('reports a bad row by position and keeps the others', () => {
    const series: PackSeries = {
      ...encodePackSeries([base]),
      rows: [[5000, 3], [6000, idx('socPct'), 300], [-1], [7000, idx('socPct'), 44]],
    };
    const sut = expandPackSeries(series);
    expect(sut.problems).toEqual([
      'rows.0: expected [dtMs, index, value, …]',
      'rows.1: socPct: Too big: expected number to be <=255',
      'rows.2: time offset must be a whole number ≥ 0',
    ]);
    expect(sut.samples.map((s) => s.socPct)).toEqual([46, 44]);
  });
});
