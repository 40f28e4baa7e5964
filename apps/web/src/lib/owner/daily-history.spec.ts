import { describe, expect, it } from 'vitest';
import { dailyHistory, energySum, historyTotals, historyWindow, parseHistoryRange } from './daily-history';

const point = (day: string, inWh: number, outWh: number, soc: [number | null, number | null]) => ({
  bucketStart: `${day}T00:00:00.000Z`,
  energyInWh: inWh,
  energyOutWh: outWh,
  socMinPct: soc[0],
  socMaxPct: soc[1],
});

describe('history window', () => {
  it('covers the last n UTC days including today', () => {
    const w = historyWindow(new Date('2026-11-25T14:00:00Z'), 7);
    expect(w.from.toISOString()).toBe('2026-11-19T00:00:00.000Z');
    expect(w.to.toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });

  it('accepts 7 and 30 days only', () => {
    expect(parseHistoryRange('30')).toBe(30);
    expect(parseHistoryRange('365')).toBe(7);
    expect(parseHistoryRange(undefined)).toBe(7);
  });
});

describe('dailyHistory', () => {
  const window = historyWindow(new Date('2026-11-25T14:00:00Z'), 7);

  it('sums the strings per day and widens the SOC range over them', () => {
    const days = dailyHistory(
      [
        [point('2026-11-24', 5000, 4000, [20, 90])],
        [point('2026-11-24', 1000, 500, [15, 80]), point('2026-11-25', 200, 0, [null, null])],
      ],
      window,
    );
    expect(days).toHaveLength(7);
    expect(days[5]).toEqual({ day: '2026-11-24', inWh: 6000, outWh: 4500, socMinPct: 15, socMaxPct: 90 });
    expect(days[6]).toEqual({ day: '2026-11-25', inWh: 200, outWh: 0, socMinPct: null, socMaxPct: null });
  });

  it('leaves days without data as gaps, not zeros, and drops buckets outside the window', () => {
    const days = dailyHistory(
      [[point('2026-11-01', 999, 999, [1, 2]), point('2026-11-20', 0, 0, [50, 50])]],
      window,
    );
    expect(days[0]).toEqual({ day: '2026-11-19', inWh: null, outWh: null, socMinPct: null, socMaxPct: null });
    expect(days[1]?.inWh).toBe(0);
    expect(historyTotals(days)).toEqual({ inWh: 0, outWh: 0 });
  });

  it('sums energy of hourly buckets for today', () => {
    expect(energySum([[{ energyInWh: 100, energyOutWh: 5 }], [{ energyInWh: 50, energyOutWh: 10 }]])).toEqual(
      {
        inWh: 150,
        outWh: 15,
      },
    );
  });
});
