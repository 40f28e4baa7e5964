// Turns a string's state into the values its BMS reports, in integer wire units: what it
// measures (faults included, model/measure-string.ts) and what it decided (alarm and
// protection words, relay, from bms/evaluate-bms.ts).
// Cell numbers are 0-based over the whole string (whether the real BMS counts from 0 or 1 is
// unknown, protocol reference §1.4.3; one emitter documents "0 – X").
import { statusByteOf } from '@fleet/protocol';
import { errorBitsOf } from '../bms/evaluate-bms.js';
import { type BatteryString, cellCount } from './battery-string.js';
import { extremes } from './extremes.js';
import { measureString, type StringMeasurement } from './measure-string.js';
import type { ModuleExtremes, PackReadingState, PackReadings, StringReadings } from './pack-readings.js';
import { socPctOf, stringLimits } from './string-limits.js';

/** Per-cell cut-offs the simulated BMS announces in 0x4220 (simulator assumption). */
export const CHARGE_CUTOFF_CELL_MV = 3550;
export const DISCHARGE_CUTOFF_CELL_MV = 2800;
/** |I| below this counts as idle. */
const IDLE_BELOW_DA = 5;

function stateOf(currentDa: number): PackReadingState {
  if (currentDa >= IDLE_BELOW_DA) {
    return 'charge';
  }
  return currentDa <= -IDLE_BELOW_DA ? 'discharge' : 'idle';
}

export function readString(s: BatteryString): StringReadings {
  const measured = measureString(s);
  return {
    pack: packReadings(s, measured),
    modules: moduleExtremes(measured),
    cellsMv: measured.cellsMv,
    faultExtensionRaw: 0,
  };
}

/** Flattened over the string; a dropped module's values become NaN so extremes skip them but keep numbering. */
function live(rows: number[][], measured: StringMeasurement): number[] {
  return rows.flatMap((row, m) => (measured.reporting[m] ? row : row.map(() => Number.NaN)));
}

function packReadings(s: BatteryString, measured: StringMeasurement): PackReadings {
  const cells = extremes(live(measured.cellsMv, measured));
  const temps = extremes(live(measured.cellTempsDc, measured));
  const limits = stringLimits(s);
  const socPct = socPctOf(s);
  const packCurrentDa = Math.round(s.currentA * 10);
  const state = s.sleeping ? 'sleep' : stateOf(packCurrentDa);
  const n = cellCount(s);
  return {
    packVoltageDv: Math.round(measured.packMv / 100),
    packCurrentDa,
    bmsTempDc: Math.round(s.bmsTempC * 10),
    socPct,
    sohPct: Math.round(s.sohFraction * 100),
    chargeCutoffDv: Math.round((n * CHARGE_CUTOFF_CELL_MV) / 100),
    dischargeCutoffDv: Math.round((n * DISCHARGE_CUTOFF_CELL_MV) / 100),
    ...limits,
    // The "standard" convention, raw = 30000 − I (protocol reference §1.4.2).
    dischargeLimitRaw: 30_000 - limits.dischargeLimitDa,
    cellMaxMv: cells.max,
    cellMinMv: cells.min,
    cellMaxNo: cells.maxNo,
    cellMinNo: cells.minNo,
    cellTempMaxDc: temps.max,
    cellTempMinDc: temps.min,
    cellTempMaxNo: temps.maxNo,
    cellTempMinNo: temps.minNo,
    state,
    statusByte: statusByteOf(state, { forceChargeRequest: socPct <= 5 }),
    // Meaning unknown (§1.4.5); some sources guess a cycle counter, so the simulator sends
    // equivalent full cycles.
    cyclePeriodRaw: Math.min(0xffff, Math.floor(equivalentCycles(s))),
    errorBits: errorBitsOf(s),
    alarmBits: s.alarmBits,
    protectionBits: s.protectionBits,
  };
}

function moduleExtremes(measured: StringMeasurement): ModuleExtremes {
  const sums = measured.cellsMv.map((m) => m.reduce((a, b) => a + b, 0));
  const volts = extremes(sums.map((v, m) => (measured.reporting[m] ? v : Number.NaN)));
  const temps = extremes(
    measured.moduleTempsC.map((t, m) => (measured.reporting[m] ? Math.round(t * 10) : Number.NaN)),
  );
  return {
    moduleVoltageMaxMv: volts.max,
    moduleVoltageMinMv: volts.min,
    moduleVoltageMaxNo: volts.maxNo,
    moduleVoltageMinNo: volts.minNo,
    moduleTempMaxDc: temps.max,
    moduleTempMinDc: temps.min,
    moduleTempMaxNo: temps.maxNo,
    moduleTempMinNo: temps.minNo,
  };
}

/** Charge moved over the string's life in units of two nominal capacities. */
export function equivalentCycles(s: BatteryString): number {
  const cells = s.modules.flat();
  const averageAs = cells.reduce((sum, c) => sum + c.ratedCapacityAs, 0) / cells.length;
  return s.throughputAs / (2 * averageAs);
}
