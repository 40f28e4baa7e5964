import { describe, expect, it } from 'vitest';
import { createBatteryString, stringSoc } from './battery-string.js';
import { readString } from './read-string.js';
import { createRng } from './rng.js';
import { Simulation, uniformStrings } from './simulation.js';
import { stepBatteryString } from './step-battery-string.js';

const params = { bmsAddress: 0, moduleTypeName: 'H48050' as const, moduleCount: 8, ambientC: 20 };
const fresh = (seed = 1) => createBatteryString(params, createRng(seed));

describe('battery string model', () => {
  it('has modules × 15 cells and reports pack voltage as the sum of its cells', () => {
    let sut = fresh();
    for (const requestedA of [20, -30, 0]) {
      sut = stepBatteryString(sut, 60, requestedA, 20);
      const r = readString(sut);
      expect(r.cellsMv).toHaveLength(8);
      expect(r.cellsMv.every((m) => m.length === 15)).toBe(true);
      const sumMv = r.cellsMv.flat().reduce((a, b) => a + b, 0);
      expect(r.pack.packVoltageDv).toBe(Math.round(sumMv / 100));
      expect(r.pack.cellMaxMv).toBe(Math.max(...r.cellsMv.flat()));
      expect(r.pack.cellMinMv).toBe(Math.min(...r.cellsMv.flat()));
      expect(r.cellsMv.flat()[r.pack.cellMaxNo]).toBe(r.pack.cellMaxMv);
    }
  });

  it('raises SOC while charging and lowers it while discharging', () => {
    const start = fresh();
    const charged = stepBatteryString(start, 600, 20, 20);
    const discharged = stepBatteryString(start, 600, -20, 20);
    expect(stringSoc(charged)).toBeGreaterThan(stringSoc(start));
    expect(stringSoc(discharged)).toBeLessThan(stringSoc(start));
    // 20 A for 10 min into ~50 Ah is ~6.7 % of charge.
    expect(stringSoc(charged) - stringSoc(start)).toBeCloseTo(20 / 6 / 50, 1);
    expect(readString(charged).pack).toMatchObject({ state: 'charge', packCurrentDa: 200 });
    expect(readString(discharged).pack).toMatchObject({ state: 'discharge', packCurrentDa: -200 });
  });

  it('lifts cell voltages under charge current (I·R) above the resting voltage', () => {
    const resting = stepBatteryString(fresh(), 1, 0, 20);
    const charging = { ...resting, currentA: 25 };
    expect(readString(charging).pack.packVoltageDv).toBeGreaterThan(readString(resting).pack.packVoltageDv);
  });

  it('forbids charging at SOC 100 % and then lets no charge current flow', () => {
    let sut = fresh();
    for (let i = 0; i < 400; i += 1) {
      sut = stepBatteryString(sut, 60, 25, 20);
    }
    const pack = readString(sut).pack;
    expect(pack).toMatchObject({
      socPct: 100,
      chargeForbidden: true,
      chargeLimitDa: 0,
      dischargeForbidden: false,
    });
    expect(pack.packCurrentDa).toBeLessThanOrEqual(0);
  });

  it('forbids discharging when empty', () => {
    let sut = fresh();
    for (let i = 0; i < 400; i += 1) {
      sut = stepBatteryString(sut, 60, -50, 20);
    }
    expect(readString(sut).pack).toMatchObject({ socPct: 0, dischargeForbidden: true, dischargeLimitDa: 0 });
  });

  it('never reports more current than its limits allow', () => {
    let sut = fresh();
    sut = stepBatteryString(sut, 1, 500, 20);
    const pack = readString(sut).pack;
    expect(pack.packCurrentDa).toBe(pack.chargeLimitDa);
    expect(pack.sohPct).toBeGreaterThanOrEqual(98);
  });
});

describe('Simulation', () => {
  it('gives each address its own string and is reproducible from the seed', () => {
    const make = () =>
      new Simulation({
        strings: uniformStrings([1, 2], 'H48074', 10),
        seed: 42,
        startTimeMs: 0,
      });
    const a = make();
    const b = make();
    a.advance(3600);
    b.advance(3600);
    expect(a.strings.map((s) => s.bmsAddress)).toEqual([1, 2]);
    expect(readString(a.string(1)!).pack).toEqual(readString(b.string(1)!).pack);
    expect(a.now.toISOString()).toBe('1970-01-01T01:00:00.000Z');
  });
});
