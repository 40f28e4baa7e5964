// Headless, accelerated years of strings for the fleet-intelligence analysis and its benchmark:
// the same physics as the live simulator (stepBatteryString, readString: cells, balancer, BMS
// limits, ageing), without clock, wire or control API. Acceleration: one representative day in
// every `everyNthDay` is stepped, and ageing runs `everyNthDay` times faster, so 52 stepped days
// carry a year of fade. Each stepped day is summarised into the fields the 1d/1h rollups give
// the analysis (packages/analytics StringDay), from the readings the BMS would report.
import { NO_FAULT_EFFECTS } from '../faults/string-fault-effects.js';
import { type BatteryString, createBatteryString } from './battery-string.js';
import { MODULE_TYPES, type ModuleTypeName } from './module-types.js';
import { readString } from './read-string.js';
import { between, createRng } from './rng.js';
import { stepBatteryString } from './step-battery-string.js';
import { socPctOf } from './string-limits.js';

const DAY_S = 86_400;
const DAY_MS = DAY_S * 1000;
/** Lines of the analysis's dwell hours (packages/analytics fleet-intel). */
const HIGH_TEMP_DC = 350;
const HIGH_SOC_PCT = 95;

export interface YearStringSpec {
  id: string;
  moduleTypeName: ModuleTypeName;
  moduleCount: number;
  /** Depth of the daily cycle: scales the solar charge and the evening load (1 ≈ one full cycle a day). */
  cycleDepth: number;
  /** Ambient of the site's climate relative to the simulator's 18 °C mean, °C. */
  ambientOffsetC: number;
  /** The inverter's SOC window: it charges up to `maxSocPct` and discharges down to `minSocPct`. */
  maxSocPct?: number;
  minSocPct?: number;
  /** Multiplies the string's fade (a string ageing abnormally fast), default 1. */
  ageingFactor?: number;
  /** A cell whose capacity falls linearly to (1 − finalLoss) of its own over the year. */
  weakCell?: { module: number; cell: number; finalLoss: number };
}

export interface YearOptions {
  seed: number;
  startTimeMs: number;
  days?: number;
  everyNthDay?: number;
  stepS?: number;
  /** Stop after this many stepped days (a quick check of the first days of a year). */
  maxSteppedDays?: number;
}

/** Same fields, units and nullability as @fleet/analytics StringDay. */
export interface SimulatedDay {
  dayMs: number;
  sohPct: number | null;
  cellSpreadMaxMv: number | null;
  socMaxPct: number | null;
  highTempHours: number | null;
  highSocHours: number | null;
  cutoffCellNo: number | null;
  cycles: number | null;
}

/** Ambient over the day and the year: 18 °C ± 4 °C daily, ± 6 °C seasonal (warmest late July). */
export function seasonalAmbientC(timeMs: number, offsetC: number): number {
  const dayOfYear = (timeMs / DAY_MS) % 365.25;
  const hour = (timeMs / 3_600_000) % 24;
  return (
    18 +
    offsetC +
    6 * Math.sin((2 * Math.PI * (dayOfYear - 115)) / 365.25) +
    4 * Math.sin((2 * Math.PI * (hour - 9)) / 24)
  );
}

/** The site's demand in C: solar charge 09–15 h, evening load 17–23 h, a small base load at night. */
function demandC(hour: number, depth: number): number {
  if (hour >= 9 && hour < 15) {
    return 0.3 * depth * Math.sin((Math.PI * (hour - 9)) / 6) + 0.02;
  }
  if (hour >= 17 && hour < 23) {
    return -0.12 * depth;
  }
  return hour >= 23 || hour < 6 ? -0.03 * depth : 0;
}

function weakened(s: BatteryString, spec: YearStringSpec, fractionOfYear: number): BatteryString {
  const w = spec.weakCell;
  if (w === undefined) {
    return s;
  }
  const factor = 1 - w.finalLoss * Math.min(1, fractionOfYear);
  return {
    ...s,
    faults: { ...NO_FAULT_EFFECTS, capacityFactors: [{ module: w.module, cell: w.cell, factor }] },
  };
}

interface DayTally {
  soh: number | null;
  spreadMax: number;
  socMax: number;
  hotS: number;
  fullS: number;
  lowestMv: number;
  lowestCell: number | null;
  dischargedAs: number;
}

function tally(t: DayTally, s: BatteryString, dtS: number): void {
  const r = readString(s);
  const p = r.pack;
  t.soh = p.sohPct;
  t.spreadMax = Math.max(t.spreadMax, p.cellMaxMv - p.cellMinMv);
  t.socMax = Math.max(t.socMax, p.socPct);
  t.hotS += p.cellTempMaxDc >= HIGH_TEMP_DC ? dtS : 0;
  t.fullS += p.socPct >= HIGH_SOC_PCT ? dtS : 0;
  if (p.cellMinMv < t.lowestMv) {
    t.lowestMv = p.cellMinMv;
    t.lowestCell = p.cellMinNo;
  }
  t.dischargedAs += Math.max(0, -s.currentA) * dtS;
}

/** One string's accelerated year, one summary per stepped day. */
export function simulateStringYear(spec: YearStringSpec, options: YearOptions): SimulatedDay[] {
  const {
    seed,
    startTimeMs,
    days = 365,
    everyNthDay = 7,
    stepS = 300,
    maxSteppedDays = Number.POSITIVE_INFINITY,
  } = options;
  const rng = createRng(seed);
  const type = MODULE_TYPES[spec.moduleTypeName];
  const ageingFactor = (spec.ageingFactor ?? 1) * everyNthDay;
  const maxSoc = spec.maxSocPct ?? 100;
  const minSoc = spec.minSocPct ?? 10;
  let s = createBatteryString(
    { bmsAddress: 2, ...spec, ambientC: seasonalAmbientC(startTimeMs, spec.ambientOffsetC) },
    rng,
  );
  const out: SimulatedDay[] = [];
  for (let day = 0; day < days && out.length < maxSteppedDays; day += everyNthDay) {
    const dayMs = startTimeMs + day * DAY_MS;
    s = weakened(s, spec, day / days);
    const t: DayTally = {
      soh: null,
      spreadMax: 0,
      socMax: 0,
      hotS: 0,
      fullS: 0,
      lowestMv: Number.POSITIVE_INFINITY,
      lowestCell: null,
      dischargedAs: 0,
    };
    for (let sec = 0; sec < DAY_S; sec += stepS) {
      const timeMs = dayMs + sec * 1000;
      const soc = socPctOf(s);
      let c = demandC(sec / 3600, spec.cycleDepth);
      c = (c > 0 && soc >= maxSoc) || (c < 0 && soc <= minSoc) ? 0 : c;
      const requestedA = c === 0 ? 0 : c * type.capacityAh + between(rng, -0.5, 0.5);
      s = stepBatteryString(s, stepS, requestedA, seasonalAmbientC(timeMs, spec.ambientOffsetC), {
        ageingFactor,
      });
      tally(t, s, stepS);
    }
    out.push({
      dayMs,
      sohPct: t.soh,
      cellSpreadMaxMv: t.spreadMax,
      socMaxPct: t.socMax,
      highTempHours: t.hotS / 3600,
      highSocHours: t.fullS / 3600,
      cutoffCellNo: t.lowestCell,
      cycles: t.dischargedAs / 3600 / (type.capacityAh * s.sohFraction),
    });
  }
  return out;
}
