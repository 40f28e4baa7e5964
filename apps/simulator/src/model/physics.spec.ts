import { describe, expect, it } from 'vitest';
import { agedSoh } from './ageing.js';
import {
  type BatteryString,
  cellCapacityAs,
  createBatteryString,
  socSpread,
  stringSoc,
} from './battery-string.js';
import { BUILT_IN_PROFILES } from './load-profile.js';
import { createRng } from './rng.js';
import { Simulation, uniformStrings } from './simulation.js';
import { stepBatteryString } from './step-battery-string.js';

const params = { bmsAddress: 0, moduleTypeName: 'H48050' as const, moduleCount: 5, ambientC: 20 };
const fresh = (over: Partial<typeof params> & { initialSocPct?: number } = {}) =>
  createBatteryString({ ...params, ...over }, createRng(7));

/** Charge stored in the string's cells, A·s (series cells: each carries the same current). */
const storedAs = (s: BatteryString) =>
  s.modules.flatMap((cells, m) => cells.map((c, i) => c.soc * cellCapacityAs(s, m, i)));

describe('physics of the string model', () => {
  it('keeps the charge balance: every cell gains exactly ∫I·dt while nothing clamps', () => {
    const start = fresh({ initialSocPct: 40 });
    let s = start;
    let chargeAs = 0;
    for (const a of [10, -15, 20, -5]) {
      s = stepBatteryString(s, 300, a, 20);
      chargeAs += s.currentA * 300;
    }
    const before = storedAs(start);
    // SOH fades a hair meanwhile, so compare in SOC × capacity-now terms with a small tolerance.
    storedAs(s).forEach((after, i) => {
      expect(after - (before[i] ?? 0)).toBeCloseTo(chargeAs, -1);
    });
  });

  it('fades SOH monotonically, faster with a larger ageing factor, with cycles and with calendar time', () => {
    const base = {
      sohFraction: 1,
      chargeMovedAs: 0,
      nominalCapacityAs: 50 * 3600,
      dtS: 86_400,
      ageingFactor: 1,
    };
    const calendarDay = agedSoh(base);
    expect(calendarDay).toBeLessThan(1);
    const cycled = agedSoh({ ...base, chargeMovedAs: 2 * 50 * 3600 });
    expect(cycled).toBeLessThan(calendarDay);
    expect(agedSoh({ ...base, ageingFactor: 100 })).toBeLessThan(calendarDay);

    const run = (ageingFactor: number) => {
      const sim = new Simulation({
        strings: uniformStrings([0], 'H48050', 5),
        seed: 3,
        startTimeMs: 0,
        ageingFactor,
      });
      const sohs: number[] = [];
      for (let day = 0; day < 2; day += 1) {
        sim.advance(86_400);
        sohs.push(sim.strings[0]?.sohFraction ?? 0);
      }
      return sohs;
    };
    const normal = run(1);
    const fast = run(500);
    for (const series of [normal, fast]) {
      for (const [i, v] of series.slice(1).entries()) {
        expect(v).toBeLessThanOrEqual(series[i] ?? 0);
      }
    }
    // Both fades scale with the factor; the load (and so the cycle part) barely changes.
    const start = 0.98;
    expect((fast[0] ?? 0) - (fast[1] ?? 0)).toBeGreaterThan(100 * ((normal[0] ?? 0) - (normal[1] ?? 0)));
    expect(fast[1]).toBeLessThan(normal[1] ?? 0);
    expect(normal[1]).toBeGreaterThan(start - 0.01);
  });

  it('balancing narrows the cell spread at the top of charge, and only there', () => {
    let s = fresh({ initialSocPct: 60 });
    const spreadAtStart = socSpread(s);
    s = stepBatteryString(s, 3600, 0, 20);
    expect(s.balancingCells).toBe(0);
    expect(socSpread(s)).toBeCloseTo(spreadAtStart, 6);
    // Charge to full and hold there: the balancer bleeds the cells ahead.
    for (let i = 0; i < 12 * 60; i += 1) {
      s = stepBatteryString(s, 60, 10, 20);
    }
    expect(socSpread(s)).toBeLessThan(spreadAtStart / 2);
  });

  it('warms the modules under load (I²R) and cools back towards ambient', () => {
    let s = fresh({ initialSocPct: 95 });
    const idle = stepBatteryString(s, 3600, 0, 20);
    for (let i = 0; i < 60; i += 1) {
      s = stepBatteryString(s, 60, -40, 20);
    }
    expect(s.currentA).toBeCloseTo(-40, 5);
    const loadedMax = Math.max(...s.moduleTempsC);
    expect(loadedMax).toBeGreaterThan(Math.max(...idle.moduleTempsC) + 2);
    expect(s.bmsTempC).toBeGreaterThan(idle.bmsTempC);
    for (let i = 0; i < 240; i += 1) {
      s = stepBatteryString(s, 60, 0, 20);
    }
    expect(Math.max(...s.moduleTempsC)).toBeLessThan(loadedMax - 2);
  });
});

describe('load profiles', () => {
  const at = (name: keyof typeof BUILT_IN_PROFILES, h: number) => BUILT_IN_PROFILES[name].at(h * 3600);

  it('residential solar charges at midday and discharges in the evening and night', () => {
    expect(at('residential-solar', 12.5)).toBeGreaterThan(0.2);
    expect(at('residential-solar', 20)).toBeLessThan(-0.1);
    expect(at('residential-solar', 3)).toBeLessThan(0);
  });

  it('peak shaving charges at night and discharges at the peaks; idle asks nothing', () => {
    expect(at('peak-shaving', 2)).toBeGreaterThan(0);
    expect(at('peak-shaving', 8)).toBeLessThan(0);
    expect(at('peak-shaving', 18)).toBeLessThan(0);
    expect(at('idle', 12)).toBe(0);
  });

  it('moves SOC the way the profile says over a simulated day', () => {
    const sim = new Simulation({
      strings: [{ bmsAddress: 0, moduleTypeName: 'H48050', moduleCount: 5, initialSocPct: 40 }],
      seed: 1,
      startTimeMs: Date.UTC(2026, 5, 1, 9, 0),
    });
    const s0 = stringSoc(sim.strings[0] as BatteryString);
    sim.advance(6 * 3600); // 09:00 → 15:00, the solar window
    const noon = stringSoc(sim.strings[0] as BatteryString);
    sim.advance(6 * 3600); // 15:00 → 21:00, evening discharge
    const evening = stringSoc(sim.strings[0] as BatteryString);
    expect(noon).toBeGreaterThan(s0 + 0.2);
    expect(evening).toBeLessThan(noon - 0.2);
    const idle = new Simulation({
      strings: uniformStrings([0], 'H48050', 5),
      seed: 1,
      startTimeMs: 0,
      profile: BUILT_IN_PROFILES.idle,
    });
    const before = stringSoc(idle.strings[0] as BatteryString);
    idle.advance(3600);
    expect(stringSoc(idle.strings[0] as BatteryString)).toBe(before);
  });
});
