// A model of one 15-module string (15 × 15 cells, H48050-like) through one day, for the
// uplink benchmark. Not the simulator (an app may not import another app): a small
// deterministic model with the properties that drive uplink cost — a quiet night, PV charging
// with cloud noise, an evening discharge, sensor noise on every value, and one alarm episode.
import type { PackSample } from '@fleet/telemetry';
import type { CellReading } from '../src/sampling/cell-source.js';

export const MODULES = 15;
export const CELLS_PER_MODULE = 15;
const CAPACITY_DAH = 500; // 50 Ah in 0.1 Ah

/** Deterministic PRNG (mulberry32) so every run costs the same bytes. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class StringDayModel {
  private readonly random = rng(42);
  private readonly cellOffsetMv = Array.from({ length: MODULES * CELLS_PER_MODULE }, () =>
    Math.round((this.random() - 0.5) * 20),
  );
  private socDah = CAPACITY_DAH * 0.4;
  private tempDc = 180;
  private cloud = 0;
  currentDa = 0;

  /** Current profile in 0.1 A by hour of day: night idle, PV charge, evening discharge. */
  private targetCurrentDa(hour: number): number {
    if (hour >= 7 && hour < 13) {
      return Math.round(400 * Math.sin(((hour - 7) / 6) * Math.PI) * (1 - this.cloud));
    }
    if (hour >= 17 && hour < 23) {
      return -250;
    }
    return 0;
  }

  /** Advances the model by `dtS` seconds to `secondOfDay`. */
  step(secondOfDay: number, dtS: number): void {
    const hour = secondOfDay / 3600;
    this.cloud = Math.min(0.8, Math.max(0, this.cloud + (this.random() - 0.5) * 0.05));
    const target = this.targetCurrentDa(hour);
    const load = target === 0 ? 0 : target + Math.round((this.random() - 0.5) * 30);
    this.currentDa = this.socDah >= CAPACITY_DAH * 0.98 && load > 0 ? 0 : load;
    this.socDah = Math.min(CAPACITY_DAH, Math.max(0, this.socDah + (this.currentDa * dtS) / 3600));
    this.tempDc += ((180 + Math.abs(this.currentDa) / 10 - this.tempDc) * dtS) / 1800;
  }

  private cellMv(i: number, noise: boolean): number {
    const soc = this.socDah / CAPACITY_DAH;
    const ocv = 3200 + soc * 200 + (this.currentDa * 2) / 10;
    return Math.round(ocv + (this.cellOffsetMv[i] ?? 0) + (noise ? (this.random() - 0.5) * 4 : 0));
  }

  /** An over-temperature alarm bit from 15:01:10 for 20 min (one episode, two edges). */
  private alarmBits(secondOfDay: number): number {
    const from = 15 * 3600 + 70; // off the 5-min grid, so the edge snapshots show up as extra ones
    return secondOfDay >= from && secondOfDay < from + 1200 ? 0x0010 : 0;
  }

  packSample(ts: Date, secondOfDay: number): PackSample {
    const cells = Array.from({ length: MODULES * CELLS_PER_MODULE }, (_, i) => this.cellMv(i, true));
    const modules = Array.from({ length: MODULES }, (_, m) =>
      cells.slice(m * CELLS_PER_MODULE, (m + 1) * CELLS_PER_MODULE).reduce((a, b) => a + b, 0),
    );
    const max = Math.max(...cells);
    const min = Math.min(...cells);
    const noiseDc = () => Math.round(this.tempDc + (this.random() - 0.5) * 4);
    return {
      kind: 'pack',
      ts: ts.toISOString(),
      bus: 'can0',
      bmsAddress: 0,
      packVoltageDv: Math.round(modules.reduce((a, b) => a + b, 0) / 100),
      packCurrentDa: this.currentDa + Math.round((this.random() - 0.5) * 4),
      bmsTempDc: noiseDc(),
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
      cellTempMaxDc: noiseDc() + 10,
      cellTempMinDc: noiseDc() - 10,
      cellTempMaxNo: 3,
      cellTempMinNo: 40,
      moduleVoltageMaxMv: Math.max(...modules),
      moduleVoltageMinMv: Math.min(...modules),
      moduleVoltageMaxNo: modules.indexOf(Math.max(...modules)) + 1,
      moduleVoltageMinNo: modules.indexOf(Math.min(...modules)) + 1,
      moduleTempMaxDc: noiseDc() + 5,
      moduleTempMinDc: noiseDc() - 5,
      moduleTempMaxNo: 2,
      moduleTempMinNo: 14,
      state: this.currentDa > 0 ? 'charge' : this.currentDa < 0 ? 'discharge' : 'idle',
      statusByte: 0,
      cyclePeriodRaw: 0,
      errorBits: 0,
      alarmBits: this.alarmBits(secondOfDay),
      protectionBits: 0,
      chargeForbidden: false,
      dischargeForbidden: false,
      raw: { '0x4290': '0000000000000000' },
    };
  }

  cells(): CellReading {
    const volts = Array.from({ length: MODULES }, (_, m) =>
      Array.from({ length: CELLS_PER_MODULE }, (_, c) => this.cellMv(m * CELLS_PER_MODULE + c, true)),
    );
    const temps = Array.from({ length: MODULES }, () =>
      Array.from({ length: 4 }, () => Math.round(this.tempDc + (this.random() - 0.5) * 20)),
    );
    return { source: 'console', cellVoltagesMv: volts, cellTempsDc: temps };
  }
}
