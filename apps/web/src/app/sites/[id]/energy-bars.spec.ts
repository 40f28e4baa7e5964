import { describe, expect, it } from 'vitest';
import { energyChart } from './energy-bars';
import type { SiteEnergy } from './site-types';

const hour = (i: number, inKwh: number, outKwh: number, strings = 1) => ({
  start: new Date(Date.UTC(2026, 6, 1, i)).toISOString(),
  localTime: `${String(i).padStart(2, '0')}:00`,
  inKwh,
  outKwh,
  strings,
});

const energy = (hours: SiteEnergy['hours']): SiteEnergy => ({
  siteId: '00000000-0000-4000-8000-000000000001',
  timezone: 'Europe/Berlin',
  date: '2026-07-01',
  dayStart: '2026-06-30T22:00:00.000Z',
  dayEnd: '2026-07-01T22:00:00.000Z',
  hours,
  totalInKwh: 0,
  totalOutKwh: 0,
});

describe('energyChart', () => {
  it('draws charged up and discharged down on one scale, the largest hour full height', () => {
    const sut = energyChart(energy([hour(0, 2, 0), hour(1, 0, 1), hour(2, 0, 0, 0)]));
    expect(sut.bars).toHaveLength(3);
    const [first, second, third] = sut.bars;
    expect(first?.inHeight).toBe(60);
    expect(first?.inY).toBe(sut.zeroY - 60);
    expect(second?.outHeight).toBe(30);
    expect(third?.noData).toBe(true);
    expect(sut.maxKwh).toBe(2);
  });

  it('has one slot per hour, 25 on the day the clocks go back', () => {
    const hours = Array.from({ length: 25 }, (_, i) => hour(i, 0, 0));
    const sut = energyChart(energy(hours));
    expect(sut.bars).toHaveLength(25);
    expect(sut.bars.every((b) => b.inHeight === 0 && b.outHeight === 0)).toBe(true);
  });
});
