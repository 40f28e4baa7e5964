import { describe, expect, it } from 'vitest';
import { analyseFleet } from './analyse-fleet.js';
import { cohortBaselines } from './cohort-baselines.js';
import { ageBandOf, type CohortKey, climateZoneOf, usageProfileOf } from './cohort-key.js';
import { median, robustBaseline, robustZ, scaledMad } from './robust-stats.js';
import type { StringDay, StringHistory } from './string-day.js';
import { stringFeatures } from './string-features.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** A healthy day; override what a test is about. */
function day(i: number, over: Partial<StringDay> = {}): StringDay {
  return {
    dayMs: T0 + i * DAY,
    sohPct: 99,
    cellSpreadMaxMv: 8,
    socMaxPct: 100,
    highTempHours: 0,
    highSocHours: 5,
    cutoffCellNo: i % 7,
    cycles: 0.7,
    ...over,
  };
}

function history(id: string, days: StringDay[]): StringHistory {
  return {
    meta: { stringId: id, moduleType: 'H48050', firmware: 'V1.3', commissionedAtMs: T0, latitude: 48 },
    days,
  };
}

/** Every 7th day of a year; `f` shapes day i. */
const year = (f: (i: number) => Partial<StringDay> = () => ({})) =>
  Array.from({ length: 53 }, (_, k) => day(k * 7, f(k * 7)));

describe('robust statistics', () => {
  it('median and scaled MAD ignore one outlier', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNull();
    // deviations from 2: 1, 0, 0, 98 -> median 0.5 -> ×1.4826
    expect(scaledMad([1, 2, 2, 100], 2)).toBeCloseTo(0.7413, 4);
  });

  it('a cohort that agrees exactly still has the floor as its scale', () => {
    const base = robustBaseline([3, 3, 3, 3], 0.5)!;
    expect(base.scale).toBe(0.5);
    expect(robustZ(5, base)).toBe(4);
  });
});

describe('cohort keys', () => {
  it('bands age, latitude and cycles per day', () => {
    expect(ageBandOf(null, T0)).toBe('unknown');
    expect(ageBandOf(T0 - 2 * 365 * DAY, T0)).toBe('young');
    expect(climateZoneOf(-33.9)).toBe('subtropical');
    expect(climateZoneOf(10)).toBe('tropical');
    expect(climateZoneOf(200)).toBe('unknown');
    expect(usageProfileOf(0.05)).toBe('standby');
    expect(usageProfileOf(0.8)).toBe('daily');
    expect(usageProfileOf(2)).toBe('heavy');
  });

  it('falls back to a wider cohort when the own one is too small', () => {
    const key = (firmware: string): CohortKey => ({
      moduleType: 'H48050',
      firmware,
      ageBand: 'new',
      climateZone: 'temperate',
      usageProfile: 'daily',
    });
    const members = [
      ...Array.from({ length: 3 }, () => ({ key: key('V1.2'), value: 10 })),
      { key: key('V1.3'), value: 1 },
      { key: key('V1.3'), value: null },
    ];
    const bases = cohortBaselines(members, 3, 0.1);
    expect(bases[0]).toMatchObject({ cohort: 'H48050/V1.2/new/temperate/daily', n: 3, median: 10 });
    // Alone in V1.3 (the null does not count): compared with every firmware.
    expect(bases[3]).toMatchObject({ cohort: 'H48050/*/new/temperate/daily', n: 4 });
    expect(bases[4]).toBeNull();
  });
});

describe('string features', () => {
  it('fade, spread growth, days since full and dwell from daily rows', () => {
    const f = stringFeatures(
      year((i) => ({
        sohPct: 99 - Math.floor(i / 73), // 1 % every 73 days: 5 %/year
        cellSpreadMaxMv: 8 + (2 * i) / 7, // 2 mV a week
        socMaxPct: i > 300 ? 90 : 100,
        highTempHours: 6,
      })),
    );
    expect(f.fadePctPerYear).toBeGreaterThan(4.5);
    expect(f.fadePctPerYear).toBeLessThan(5.5);
    expect(f.spreadGrowthMvPerWeek).toBeCloseTo(2, 5);
    // last full on day 294, last day 364
    expect(f.daysSinceFull).toBe(70);
    expect(f.observedDaysSinceFull).toBe(10);
    expect(f.highTempHoursPerDay).toBe(6);
  });

  it('sets aside a row without a day and counts it', () => {
    const f = stringFeatures([day(0), { ...day(7), dayMs: Number.NaN }, day(14)]);
    expect(f).toMatchObject({ days: 2, rejectedDays: 1, lastDayMs: T0 + 14 * DAY });
  });

  it('says null rather than guessing from missing data', () => {
    const f = stringFeatures([
      day(0, { sohPct: null, cellSpreadMaxMv: null, socMaxPct: null, cutoffCellNo: null }),
    ]);
    expect(f).toMatchObject({
      fadePctPerYear: null,
      spreadGrowthMvPerWeek: null,
      daysSinceFull: null,
      cutoffCell: null,
    });
  });
});

describe('analyseFleet', () => {
  const healthy = Array.from({ length: 10 }, (_, n) =>
    history(
      `ok-${n}`,
      year((i) => ({ sohPct: 99 - Math.floor(i / 122), cellSpreadMaxMv: 8 + (n % 3) })),
    ),
  );

  it('finds nothing in a healthy fleet', () => {
    expect(analyseFleet(healthy).findings).toEqual([]);
  });

  it('ranks a weak cell before the drift it causes, and raises dwell findings on absolute lines', () => {
    const weak = history(
      'weak',
      year((i) => ({ cellSpreadMaxMv: 8 + i, cutoffCellNo: 19, highSocHours: 20 })),
    );
    const { findings } = analyseFleet([...healthy, weak]);
    expect(findings.map((f) => [f.kind, f.primary])).toEqual([
      ['weak_cell', true],
      ['cell_drift', false],
      ['high_soc_dwell', false],
    ]);
    expect(findings[0]?.evidence.detail).toEqual({ cellNo: 19, cutoffDays: 53, ofDays: 53 });
    expect(findings.every((f) => f.stringId === 'weak' && f.severity === 'info')).toBe(true);
  });

  it('does not read a data gap as a starved string', () => {
    const gap = [day(0), day(60, { socMaxPct: 90 })];
    const { findings } = analyseFleet([...healthy, history('gap', gap)]);
    expect(findings.filter((f) => f.kind === 'balancing_starved')).toEqual([]);
  });
});
