import { describe, expect, it } from 'vitest';
import { en } from '../../i18n/en';
import { chartSummary } from './chart-summary';
import { compareCandidates, searchCandidates } from './compare-candidates';
import { cumulativeCycles, metricById } from './metrics';
import { compareColumns, metricColumns, seriesStats } from './series';
import type { TrendPoint } from './trend-data';

const H = 3_600_000;
const T0 = Date.parse('2026-11-20T00:00:00Z');

function point(hour: number, over: Partial<TrendPoint> = {}): TrendPoint {
  return {
    bucketStart: new Date(T0 + hour * H).toISOString(),
    samples: 60,
    sohPct: 98,
    socMinPct: 40,
    socMaxPct: 60,
    packVoltageAvgDv: 5120,
    packCurrentAvgDa: -150,
    cellMaxMv: 3350,
    cellMinMv: 3310,
    cellSpreadMaxMv: 40,
    cellSpreadAvgMv: 25.5,
    bmsTempMaxDc: 251,
    cellTempMaxDc: 240,
    energyInWh: 1000,
    energyOutWh: 3000,
    bmsTempMinDc: 240,
    cellTempMinDc: 195,
    coveredS: 3600,
    ...over,
  };
}

describe('metricColumns', () => {
  it('converts wire units and breaks the line inside a missing bucket', () => {
    const sut = metricColumns(metricById('temperature'), [point(0), point(1), point(4)], '1h', null);
    expect(sut.xs).toEqual([T0 / 1000, (T0 + H) / 1000, (T0 + 2.5 * H) / 1000, (T0 + 4 * H) / 1000]);
    expect(sut.ys).toEqual([
      [24, 24, null, 24],
      [19.5, 19.5, null, 19.5],
      [25.1, 25.1, null, 25.1],
    ]);
  });

  it('draws energy per bucket in kWh', () => {
    expect(metricColumns(metricById('energy'), [point(0)], '1h', null).ys).toEqual([[1], [3]]);
  });
});

describe('cumulativeCycles', () => {
  it('adds half the charged plus discharged energy over the nominal energy', () => {
    // (1 + 3 kWh) / 2 = 2 kWh per bucket over a 4 kWh string: half a cycle each
    expect(cumulativeCycles([point(0), point(1)], 4000)).toEqual([0.5, 1]);
  });

  it('gives no cycles rather than a guess when the nominal energy is unknown', () => {
    expect(cumulativeCycles([point(0)], null)).toEqual([null]);
  });
});

describe('compareColumns', () => {
  it('puts each string on the union of the time axis, undefined (no break) where it has no bucket', () => {
    const soh = metricById('soh').series[0]!;
    const sut = compareColumns(soh, [
      { points: [point(0), point(1, { sohPct: 97 })], tier: '1h', nominalWh: null },
      { points: [point(1, { sohPct: 95 })], tier: '1h', nominalWh: null },
    ]);
    expect(sut.xs).toEqual([T0 / 1000, (T0 + H) / 1000]);
    expect(sut.ys).toEqual([
      [98, 97],
      [undefined, 95],
    ]);
  });
});

describe('summaries and candidates', () => {
  it('states min, max and latest per series, or that there are none', () => {
    expect(seriesStats([null, 3, 1, null])).toEqual({ min: 1, max: 3, last: 1 });
    const text = chartSummary(
      ['SOH', 'Other'],
      {
        xs: [1, 2],
        ys: [
          [97, 98],
          [null, null],
        ],
      },
      (v) => `${v} %`,
      en,
    );
    expect(text).toBe('SOH: min 97 %, max 98 %, latest 98 %. Other: no values.');
  });

  it('offers the same site first and finds the rest by any word of string or site name', () => {
    const sites = [
      {
        id: 's1',
        name: 'Harbour',
        strings: [
          { id: 'a', name: 'East' },
          { id: 'b', name: 'West' },
        ],
      },
      { id: 's2', name: 'Mill Lane', strings: [{ id: 'c', name: 'Rack 1' }] },
    ];
    const sut = compareCandidates(sites, { id: 'a', siteId: 's1' });
    expect(sut.sameSite.map((c) => c.id)).toEqual(['b']);
    expect(searchCandidates(sut.others, 'mill rack').map((c) => c.id)).toEqual(['c']);
    expect(searchCandidates(sut.others, '   ')).toEqual([]);
  });
});
