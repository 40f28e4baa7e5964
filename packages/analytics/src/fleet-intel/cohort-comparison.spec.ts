import { describe, expect, it } from 'vitest';
import { analyseFleet } from './analyse-fleet.js';
import { cohortComparisons } from './cohort-comparison.js';
import type { StringDay, StringHistory } from './string-day.js';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);

/** Every 7th day of a year, healthy unless `f` says otherwise. */
function history(id: string, f: (i: number) => Partial<StringDay> = () => ({})): StringHistory {
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
    meta: { stringId: id, moduleType: 'H48050', firmware: 'V1.3', commissionedAtMs: T0, latitude: 48 },
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
