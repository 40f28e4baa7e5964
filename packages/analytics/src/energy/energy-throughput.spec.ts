import type { PackSample } from '@fleet/telemetry';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AnalyticsError } from '../analytics-error.js';
import { type EnergyPoint, energyThroughput } from './energy-throughput.js';

const T0 = Date.parse('2026-12-01T00:00:00Z');
const MIN = 60_000;
const at = (minutes: number, packVoltageDv: number, packCurrentDa: number): EnergyPoint => ({
  ts: T0 + minutes * MIN,
  packVoltageDv,
  packCurrentDa,
});

describe('energyThroughput', () => {
  it('integrates a known charge-then-discharge profile by hand', () => {
    // 400.0 V at +25.0 A for one hour (10 kW → 10 000 Wh, 25 Ah), then 400.0 V at −12.5 A for
    // two hours (5 kW → 10 000 Wh, 25 Ah). The one-minute step between them ramps +10 kW → −5 kW:
    // zero at 2/3 of the minute, so +10 kW·(40 s)/2 = 55.56 Wh in and 5 kW·(20 s)/2 = 13.89 Wh out.
    const sut = energyThroughput(
      [
        at(0, 4000, 250),
        at(30, 4000, 250),
        at(60, 4000, 250),
        at(61, 4000, -125),
        at(121, 4000, -125),
        at(181, 4000, -125),
      ],
      { maxGapMs: 60 * MIN, nominalCapacityWh: 12 * 2400 },
    );
    expect(sut.chargedWh).toBeCloseTo(10_000 + 10_000 / 180, 6);
    expect(sut.dischargedWh).toBeCloseTo(10_000 + 5000 / 360, 6);
    expect(sut.chargedAh).toBeCloseTo(25 + 25 / 180, 6);
    expect(sut.dischargedAh).toBeCloseTo(25 + 12.5 / 360, 6);
    // 10 013.89 Wh out of a 12 × H48050 string of 28 800 Wh.
    expect(sut.equivalentFullCycles).toBeCloseTo((10_000 + 5000 / 360) / 28_800, 9);
    expect(sut.integratedMs).toBe(181 * MIN);
    expect(sut.gaps).toEqual([]);
  });

  it('does not integrate across a step longer than maxGapMs and names the gap', () => {
    // 500.0 V, −20.0 A (10 kW out) at 0 and 6 min, then nothing until 66 min, then 6 more minutes.
    const points = [at(0, 5000, -200), at(6, 5000, -200), at(66, 5000, -200), at(72, 5000, -200)];
    const sut = energyThroughput(points, { maxGapMs: 10 * MIN });
    // Two 6-minute steps of 10 kW = 2000 Wh; the hour between is not guessed over.
    expect(sut.dischargedWh).toBeCloseTo(2000, 9);
    expect(sut.chargedWh).toBe(0);
    expect(sut.gaps).toEqual([{ fromMs: T0 + 6 * MIN, toMs: T0 + 66 * MIN }]);
    expect(sut.integratedMs).toBe(12 * MIN);
    expect(sut.spanMs).toBe(72 * MIN);
    expect(sut.equivalentFullCycles).toBeNull();
  });

  it('reads telemetry PackSamples with ISO timestamps and counts the readings it could not use', () => {
    const sample = (ts: string, packCurrentDa: number): PackSample => ({
      kind: 'pack',
      ts,
      bus: 'can0',
      bmsAddress: 1,
      packVoltageDv: 3600,
      packCurrentDa,
      bmsTempDc: 250,
      socPct: 50,
      sohPct: 100,
    });
    const points: EnergyPoint[] = [
      sample('2026-12-01T00:01:00Z', 100),
      sample('2026-12-01T00:00:00+00:00', 100),
      sample('2026-12-01T00:00:00Z', 999), // same instant again: the first one given is kept
      sample('2026-12-01T00:02:00', 100), // no zone: which instant is unknowable
      { ts: T0, packVoltageDv: Number.NaN, packCurrentDa: 0 },
      null as unknown as EnergyPoint,
    ];
    const sut = energyThroughput(points);
    // 360.0 V × 10.0 A = 3.6 kW for one minute = 60 Wh.
    expect(sut.chargedWh).toBeCloseTo(60, 9);
    expect(sut.samples).toBe(2);
    expect(sut.rejected).toEqual({ malformed: 1, badTimestamp: 1, badValue: 1, duplicateTimestamp: 1 });
  });

  it('refuses options that would make every answer meaningless', () => {
    expect(() => energyThroughput([], { maxGapMs: 0 })).toThrow(AnalyticsError);
    expect(() => energyThroughput([], { nominalCapacityWh: -1 })).toThrow(/nominalCapacityWh/);
  });
});

describe('energyThroughput, property', () => {
  it('charged − discharged equals the plain trapezoid of net power, whatever the order', () => {
    const point = fc.record({
      minute: fc.integer({ min: 0, max: 600 }),
      dv: fc.integer({ min: 2000, max: 10_000 }),
      da: fc.integer({ min: -1000, max: 1000 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(point, { selector: (p) => p.minute, maxLength: 40 }), (raw) => {
        const sorted = [...raw].sort((a, b) => a.minute - b.minute);
        let net = 0;
        for (let i = 1; i < sorted.length; i++) {
          const a = sorted[i - 1]!;
          const b = sorted[i]!;
          // W = dv·da/100; trapezoid over (b − a) minutes = /60 h.
          net += ((a.dv * a.da + b.dv * b.da) / 200) * ((b.minute - a.minute) / 60);
        }
        const points = raw.map((p) => at(p.minute, p.dv, p.da)).reverse();
        const sut = energyThroughput(points, { maxGapMs: 1e9 });
        expect(sut.chargedWh).toBeGreaterThanOrEqual(0);
        expect(sut.dischargedWh).toBeGreaterThanOrEqual(0);
        expect(sut.chargedWh - sut.dischargedWh).toBeCloseTo(net, 6);
      }),
    );
  });
});
