import { describe, expect, it } from 'vitest';
import { analyseFleet } from './analyse-fleet.js';
import { cohortComparisons } from './cohort-comparison.js';
import type { StringDay, StringHistory } from './string-day.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Every 7th day of a year, healthy unless `f` says otherwise. */
function history(
  id: string,
  f: (i: number) => Partial<StringDay> = () => ({}),
  firmware: string | null = 'V1.3',
): StringHistory {
  const days = Array.from({ length: 53 }, (_, k): StringDay => {
    const i = k * 7;
    return {
      dayMs: T0 + i * DAY,
      sohPct: 99 - Math.floor(i / 122),
      cellSpreadMaxMv: 8,
      socMaxPct: 100,
      highTempHours: 0,
      highSocHours: 5,
      cutoffCellNo: i % 7,
      cycles: 0.7,
      ...f(i),
    };
  });
  return {
    meta: { stringId: id, moduleType: 'H48050', firmware, commissionedAtMs: T0, latitude: 48 },
    days,
  };
}

describe('cohortComparisons', () => {
  const healthy = Array.from({ length: 10 }, (_, n) => history(`ok-${n}`));
  const fast = history('fast', (i) => ({ sohPct: 99 - i / 30 }));
  const drifting = history('drift', (i) => ({ cellSpreadMaxMv: 8 + (3 * i) / 7 }));
  const rows = cohortComparisons(analyseFleet([...healthy, fast, drifting]));
  const of = (id: string) => rows.find((r) => r.stringId === id)!;

  it('marks a string worse exactly where the fast-fade rule fires, with the cohort median beside it', () => {
    const r = of('fast');
    expect(r.fadePctPerYear).toBeGreaterThan(10);
    expect(r.cohortFadePctPerYear).toBeGreaterThan(1);
    expect(r.cohortFadePctPerYear).toBeLessThan(3);
    expect(r.fadeWorse).toBe(true);
    expect(r.spreadWorse).toBe(false);
    expect(r.cohortKey).toBe('H48050/V1.3/new/temperate/daily');
    expect(r.cohortSize).toBe(12);
  });

  it('speaks spread growth per month (3 mV/week ≈ 13 mV/month)', () => {
    const r = of('drift');
    expect(r.spreadGrowthMvPerMonth).toBeCloseTo((3 * 365.25) / 12 / 7, 1);
    expect(r.cohortSpreadGrowthMvPerMonth).toBeCloseTo(0, 5);
    expect(r.spreadWorse).toBe(true);
    expect(r.fadeWorse).toBe(false);
  });

  it('leaves a healthy string unmarked', () => {
    expect(of('ok-0')).toMatchObject({ fadeWorse: false, spreadWorse: false });
  });
});

describe('cohorts by BMS firmware', () => {
  // 1.3 strings fade 1 %/year, 1.4 strings 3 %/year (e.g. a firmware that estimates SOH
  // differently): each is normal within its own firmware, and would look odd against the other.
  const fade = (perYear: number) => (i: number) => ({ sohPct: 99 - (perYear * i) / 365 });
  const v13 = Array.from({ length: 8 }, (_, n) => history(`a-${n}`, fade(1), '1.3'));
  const v14 = Array.from({ length: 8 }, (_, n) => history(`b-${n}`, fade(3), '1.4'));
  const lone = history('lone', fade(1), '2.0');
  const unreported = history('none', fade(1), null);
  const rows = cohortComparisons(analyseFleet([...v13, ...v14, lone, unreported]));
  const of = (id: string) => rows.find((r) => r.stringId === id)!;

  it('two firmware groups big enough on their own are two cohorts, each with its own median', () => {
    expect(of('a-0')).toMatchObject({ cohortLabel: 'H48050/1.3/new/temperate/daily', cohortSize: 8 });
    expect(of('b-0')).toMatchObject({ cohortLabel: 'H48050/1.4/new/temperate/daily', cohortSize: 8 });
    expect(of('a-0').cohortFadePctPerYear).toBeCloseTo(1, 1);
    expect(of('b-0').cohortFadePctPerYear).toBeCloseTo(3, 1);
    expect(rows.filter((r) => r.fadeWorse)).toEqual([]);
  });

  it('still widens a firmware group too small on its own, and an unreported firmware is its own key', () => {
    expect(of('lone')).toMatchObject({
      cohortKey: 'H48050/2.0/new/temperate/daily',
      cohortLabel: 'H48050/*/new/temperate/daily',
      cohortSize: 18,
    });
    expect(of('none').cohortKey).toBe('H48050/unknown/new/temperate/daily');
    expect(of('none').cohortLabel).toBe('H48050/*/new/temperate/daily');
  });
});
