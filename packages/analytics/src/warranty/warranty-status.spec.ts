import { describe, expect, it } from 'vitest';
import { type WarrantyStatusInput, warrantyStatus } from './warranty-status.js';
import type { WarrantyTermsInput } from './warranty-terms.js';

const DAY = 86_400_000;
const NOW = Date.parse('2026-06-01T00:00:00Z');
const COMMISSIONED = Date.parse('2025-06-01T00:00:00Z');
const TERMS: WarrantyTermsInput = {
  termYears: 10,
  throughputMwhPerKwh: 3,
  retainedCapacityPct: 70,
  limits: {
    cellTempMinDc: 0,
    cellTempMaxDc: 500,
    cellVoltageMinMv: null,
    cellVoltageMaxMv: null,
    maxCurrentA: null,
  },
};
const days = Array.from({ length: 365 }, (_, i) => ({
  dayMs: COMMISSIONED + i * DAY,
  energyOutWh: 7200,
  sohPct: 100 - Math.floor(i / 73),
}));
const input = (over: Partial<WarrantyStatusInput> = {}): WarrantyStatusInput => ({
  nowMs: NOW,
  commissionedAtMs: COMMISSIONED,
  terms: TERMS,
  nominalWh: 7200,
  days,
  buckets: [
    {
      startMs: NOW - 5 * DAY,
      cellTempMinDc: 100,
      cellTempMaxDc: 560,
      cellMaxMv: 3400,
      cellMinMv: 3300,
      currentMaxDa: 0,
      currentMinDa: 0,
    },
  ],
  bucketMs: 3_600_000,
  trips: [],
  ...over,
});

describe('warrantyStatus', () => {
  it('puts time, throughput, SOH and excursions together for a commissioned string with terms', () => {
    const sut = warrantyStatus(input());
    expect(sut.gaps).toEqual([]);
    expect(sut.time?.fraction).toBeCloseTo(0.1, 2);
    // cap = 3 MWh/kWh × 7.2 kWh = 21.6 MWh; used 365 × 7.2 kWh = 2.628 MWh.
    expect(sut.throughput.capWh).toBeCloseTo(21_600_000, 3);
    expect(sut.throughput.usedWh).toBeCloseTo(2_628_000, 3);
    expect(sut.throughput.projection.kind).toBe('projected');
    expect(sut.soh.latest?.sohPct).toBe(96);
    expect(sut.soh.projection.kind).toBe('projected');
    expect(sut.guaranteedLine).toEqual({
      startMs: COMMISSIONED,
      endMs: Date.parse('2035-06-01T00:00:00Z'),
      startPct: 100,
      endPct: 70,
    });
    expect(sut.excursions).toMatchObject([{ kind: 'temperature-high', worst: 560 }]);
  });

  it('says which facts are missing instead of inventing them: no terms', () => {
    const trip = {
      startMs: NOW - DAY,
      endMs: NOW - DAY + 60_000,
      code: 'hv.protection.x_y',
      title: 't',
      source: 'alarm' as const,
    };
    const sut = warrantyStatus(input({ terms: null, trips: [trip] }));
    expect(sut.gaps).toEqual(['no-terms']);
    expect(sut.time).toBeNull();
    expect(sut.guaranteedLine).toBeNull();
    expect(sut.throughput.projection).toEqual({ kind: 'no-cap' });
    expect(sut.soh.projection).toEqual({ kind: 'no-guarantee' });
    // Limits are unknown, so only the protection trip counts as an excursion.
    expect(sut.excursions.map((e) => e.kind)).toEqual(['protection']);
  });

  it('without commissioning or capacity: no time, no cap', () => {
    const sut = warrantyStatus(input({ commissionedAtMs: null, nominalWh: null }));
    expect(sut.gaps).toEqual(['no-commissioning', 'no-nominal-capacity']);
    expect(sut.time).toBeNull();
    expect(sut.throughput.capWh).toBeNull();
    expect(sut.soh.guaranteedAtLatestPct).toBeNull();
  });
});
