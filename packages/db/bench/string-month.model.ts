// One 15-module string (15 × 15 cells) over days, reduced to what the DEFAULT sampling plan of
// the edge agent reports (apps/edge-agent/src/sampling/sampling-plan.ts; a package may not import
// an app, so the plan's rules are restated here): pack values considered every 5 s and reported
// when one leaves its deadband (±0.5 V, ±0.5 A, ±0.5 °C, 1 % SOC, ±5 mV cell extremes, ±50 mV
// module extremes) or after 300 s of silence or on an alarm edge; a full cell snapshot every
// 300 s and at once on an alarm edge. The day itself follows apps/edge-agent/bench/
// string-day.model.ts: quiet night, PV charge with cloud noise, evening discharge, sensor noise,
// one over-temperature alarm episode a day.
import type { CellSnapshot, PackSample } from '@fleet/telemetry';

export const MODULES = 15;
export const CELLS_PER_MODULE = 15;
const CAPACITY_DAH = 500;
export const PACK_EVERY_S = 5;
const CELLS_EVERY_S = 300;
const MAX_SILENCE_S = 300;

function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 5-s window's reading: the full sample (naive storage keeps it) and its cells. */
export interface Reading {
  sample: PackSample;
  cellsMv: number[];
  tempsDc: number[];
}

export class StringMonthModel {
  private readonly random = rng(42);
  private readonly offsetMv = Array.from({ length: MODULES * CELLS_PER_MODULE }, () =>
    Math.round((this.random() - 0.5) * 20),
  );
  private socDah = CAPACITY_DAH * 0.4;
  private tempDc = 180;
  private cloud = 0;
  private currentDa = 0;

  /** Advances 5 s to `ts` and reads the string. */
  read(ts: Date): Reading {
    const secondOfDay = (ts.getTime() / 1000) % 86_400;
    const hour = secondOfDay / 3600;
    this.cloud = Math.min(0.8, Math.max(0, this.cloud + (this.random() - 0.5) * 0.05));
    const target =
      hour >= 7 && hour < 13
        ? Math.round(400 * Math.sin(((hour - 7) / 6) * Math.PI) * (1 - this.cloud))
        : hour >= 17 && hour < 23
          ? -250
          : 0;
    const load = target === 0 ? 0 : target + Math.round((this.random() - 0.5) * 30);
    this.currentDa = this.socDah >= CAPACITY_DAH * 0.98 && load > 0 ? 0 : load;
    this.socDah = Math.min(CAPACITY_DAH, Math.max(0, this.socDah + (this.currentDa * PACK_EVERY_S) / 3600));
    this.tempDc += ((180 + Math.abs(this.currentDa) / 10 - this.tempDc) * PACK_EVERY_S) / 1800;
    const ocv = 3200 + (this.socDah / CAPACITY_DAH) * 200 + (this.currentDa * 2) / 10;
    const cellsMv = this.offsetMv.map((o) => Math.round(ocv + o + (this.random() - 0.5) * 4));
    const tempsDc = Array.from({ length: MODULES * 4 }, () =>
      Math.round(this.tempDc + (this.random() - 0.5) * 20),
    );
    return { sample: this.sample(ts, secondOfDay, cellsMv), cellsMv, tempsDc };
  }

  private sample(ts: Date, secondOfDay: number, cells: number[]): PackSample {
    const modules = Array.from({ length: MODULES }, (_, m) =>
      cells.slice(m * CELLS_PER_MODULE, (m + 1) * CELLS_PER_MODULE).reduce((a, b) => a + b, 0),
    );
    const max = Math.max(...cells);
    const min = Math.min(...cells);
    const noise = () => Math.round(this.tempDc + (this.random() - 0.5) * 4);
    const alarmFrom = 15 * 3600 + 70;
    return {
      kind: 'pack',
      ts: ts.toISOString(),
      bus: 'can0',
      bmsAddress: 0,
      packVoltageDv: Math.round(modules.reduce((a, b) => a + b, 0) / 100),
      packCurrentDa: this.currentDa + Math.round((this.random() - 0.5) * 4),
      bmsTempDc: noise(),
      socPct: Math.round((this.socDah / CAPACITY_DAH) * 100),
      sohPct: 98,
      chargeCutoffDv: 8100,
      dischargeCutoffDv: 6750,
      chargeLimitDa: 500,
      dischargeLimitDa: 500,
      dischargeLimitRaw: 500,
      cellMaxMv: max,
      cellMinMv: min,
      cellMaxNo: cells.indexOf(max) + 1,
      cellMinNo: cells.indexOf(min) + 1,
      cellTempMaxDc: noise() + 10,
      cellTempMinDc: noise() - 10,
      cellTempMaxNo: 3,
      cellTempMinNo: 40,
      moduleVoltageMaxMv: Math.max(...modules),
      moduleVoltageMinMv: Math.min(...modules),
      moduleVoltageMaxNo: modules.indexOf(Math.max(...modules)) + 1,
      moduleVoltageMinNo: modules.indexOf(Math.min(...modules)) + 1,
      moduleTempMaxDc: noise() + 5,
      moduleTempMinDc: noise() - 5,
      moduleTempMaxNo: 2,
      moduleTempMinNo: 14,
      state: this.currentDa > 0 ? 'charge' : this.currentDa < 0 ? 'discharge' : 'idle',
      statusByte: 0,
      cyclePeriodRaw: 0,
      errorBits: 0,
      alarmBits: secondOfDay >= alarmFrom && secondOfDay < alarmFrom + 1200 ? 0x0010 : 0,
      protectionBits: 0,
      chargeForbidden: false,
      dischargeForbidden: false,
      raw: { '0x4290': '0000000000000000' },
    };
  }
}

const BANDS: ReadonlyArray<[keyof PackSample, number]> = [
  ['packVoltageDv', 5],
  ['packCurrentDa', 5],
  ['bmsTempDc', 5],
  ['cellTempMaxDc', 5],
  ['cellTempMinDc', 5],
  ['socPct', 1],
  ['sohPct', 1],
  ['cellMaxMv', 5],
  ['cellMinMv', 5],
  ['moduleVoltageMaxMv', 50],
  ['moduleVoltageMinMv', 50],
  ['moduleTempMaxDc', 5],
  ['moduleTempMinDc', 5],
];

/** The default plan's decisions for one string: which readings become rows and snapshots. */
export class DefaultPlanFilter {
  private last: PackSample | undefined;
  private lastMs = 0;
  private lastCellsMs = Number.NEGATIVE_INFINITY;

  reportPack(s: PackSample): boolean {
    const ms = Date.parse(s.ts);
    const prev = this.last;
    const report =
      prev === undefined ||
      ms - this.lastMs >= MAX_SILENCE_S * 1000 ||
      s.alarmBits !== prev.alarmBits ||
      s.state !== prev.state ||
      BANDS.some(([k, band]) => Math.abs(Number(s[k]) - Number(prev[k])) >= band);
    if (report) {
      this.last = s;
      this.lastMs = ms;
    }
    return report;
  }

  /** Call before reportPack: an alarm edge is judged against the previous reported sample. */
  reportCells(s: PackSample): boolean {
    const ms = Date.parse(s.ts);
    const edge = this.last !== undefined && s.alarmBits !== this.last.alarmBits;
    if (edge || ms - this.lastCellsMs >= CELLS_EVERY_S * 1000) {
      this.lastCellsMs = ms;
      return true;
    }
    return false;
  }
}

export function cellSnapshotOf(r: Reading, trigger: 'schedule' | 'edge'): CellSnapshot {
  const grid = (values: number[], width: number) =>
    Array.from({ length: MODULES }, (_, m) => values.slice(m * width, (m + 1) * width));
  return {
    kind: 'cells',
    ts: r.sample.ts,
    bus: 'can0',
    bmsAddress: 0,
    source: 'console',
    trigger,
    cellVoltagesMv: grid(r.cellsMv, CELLS_PER_MODULE),
    cellTempsDc: grid(r.tempsDc, 4),
  };
}
