import { describe, expect, it } from 'vitest';
import { type DailyEnergy, throughputUsed } from './throughput-used.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
/** `count` days ending yesterday, each giving out `wh`. */
const lastDays = (count: number, wh: number): DailyEnergy[] =>
  Array.from({ length: count }, (_, i) => ({ dayMs: NOW - (i + 1) * DAY, energyOutWh: wh }));

describe('throughputUsed', () => {
  it('sums energy out since commissioning and projects the cap from the last 90 days', () => {
    // 100 days of 10 kWh; cap 2 MWh → 1 MWh used, 1 MWh left at 10 kWh/day = 100 days.
    const sut = throughputUsed(lastDays(100, 10_000), { sinceMs: null, nowMs: NOW, capWh: 2_000_000 });
    expect(sut.usedWh).toBe(1_000_000);
    expect(sut.fraction).toBeCloseTo(0.5, 9);
    expect(sut.ratePerDayWh).toBe(10_000);
    expect(sut.daysWithData).toBe(90);
    expect(sut.projection).toEqual({ kind: 'projected', atMs: NOW + 100 * DAY });
  });

  it('counts nothing from before commissioning, but the commissioning day itself', () => {
    const since = NOW - 10 * DAY + 3_600_000; // during the day that starts 10 days back
    const sut = throughputUsed(lastDays(30, 1000), { sinceMs: since, nowMs: NOW, capWh: null });
    expect(sut.usedWh).toBe(10_000);
    expect(sut.fraction).toBeNull();
    expect(sut.projection).toEqual({ kind: 'no-cap' });
  });

  it('leaves days without data out of the rate instead of counting them as idle', () => {
    const everyOther = lastDays(60, 2000).filter((_, i) => i % 2 === 0);
    const sut = throughputUsed(everyOther, { sinceMs: null, nowMs: NOW, capWh: 1e9 });
    expect(sut.daysWithData).toBe(30);
    expect(sut.ratePerDayWh).toBe(2000);
  });

  it('says insufficient, not a date, with too few days of data in the window', () => {
    const sut = throughputUsed(lastDays(13, 5000), { sinceMs: null, nowMs: NOW, capWh: 1e9 });
    expect(sut.ratePerDayWh).toBeNull();
    expect(sut.projection).toEqual({ kind: 'insufficient', daysWithData: 13, minDays: 14 });
  });

  it('says reached past the cap, and gives no date when nothing was discharged', () => {
    expect(throughputUsed(lastDays(20, 1000), { sinceMs: null, nowMs: NOW, capWh: 5000 }).projection).toEqual(
      {
        kind: 'reached',
      },
    );
    expect(throughputUsed(lastDays(20, 0), { sinceMs: null, nowMs: NOW, capWh: 5000 }).projection).toEqual({
      kind: 'not-discharging',
    });
  });
});
