// Turns a string's state into the values its BMS reports, in integer wire units.
// Cell numbers are 0-based over the whole string (whether the real BMS counts from 0 or 1 is
// unknown, protocol reference §1.4.3; one emitter documents "0 – X").
import { ALARM_PROTECTION_BITS, encodeBitFlags, statusByteOf } from '@fleet/protocol';
import { type BatteryString, cellCount } from './battery-string.js';
import { extremes } from './extremes.js';
import { ocvMv } from './lfp-ocv-curve.js';
import type { ModuleExtremes, PackReadingState, PackReadings, StringReadings } from './pack-readings.js';
import { cellTempRangeC, socPctOf, stringLimits } from './string-limits.js';

/** Per-cell cut-offs the simulated BMS announces in 0x4220 (simulator assumption). */
const CHARGE_CUTOFF_CELL_MV = 3550;
const DISCHARGE_CUTOFF_CELL_MV = 2800;
/** |I| below this counts as idle. */
const IDLE_BELOW_DA = 5;

const CELL_ALARM = { highMv: 3600, lowMv: 2900 };
const CELL_PROTECTION = { highMv: 3650, lowMv: 2700 };

function cellsMvOf(s: BatteryString): number[][] {
  return s.modules.map((cells) => cells.map((c) => Math.round(ocvMv(c.soc) + s.currentA * c.resistanceMohm)));
}

function stateOf(currentDa: number): PackReadingState {
  if (currentDa >= IDLE_BELOW_DA) {
    return 'charge';
  }
  return currentDa <= -IDLE_BELOW_DA ? 'discharge' : 'idle';
}

function voltageBits(
  cellMaxMv: number,
  cellMinMv: number,
  limits: { highMv: number; lowMv: number },
): number {
  return encodeBitFlags(ALARM_PROTECTION_BITS, {
    cellHighVoltage: cellMaxMv >= limits.highMv,
    cellLowVoltage: cellMinMv <= limits.lowMv,
  });
}

export function readString(s: BatteryString): StringReadings {
  const cellsMv = cellsMvOf(s);
  return {
    pack: packReadings(s, cellsMv),
    modules: moduleExtremes(s, cellsMv),
    cellsMv,
    faultExtensionRaw: 0,
  };
}

function packReadings(s: BatteryString, cellsMv: number[][]): PackReadings {
  const flatMv = cellsMv.flat();
  const cells = extremes(flatMv);
  const temps = extremes(
    s.modules.flatMap((m, i) => m.map((c) => Math.round(((s.moduleTempsC[i] ?? 0) + c.tempOffsetC) * 10))),
  );
  const limits = stringLimits(s);
  const socPct = socPctOf(s);
  const packCurrentDa = Math.round(s.currentA * 10);
  const state = stateOf(packCurrentDa);
  const n = cellCount(s);
  return {
    packVoltageDv: Math.round(flatMv.reduce((a, b) => a + b, 0) / 100),
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
    cyclePeriodRaw: Math.min(0xffff, Math.floor(s.throughputAs / (2 * averageCapacityAs(s)))),
    errorBits: 0,
    alarmBits: voltageBits(cells.max, cells.min, CELL_ALARM) | temperatureAlarmBits(s),
    protectionBits: voltageBits(cells.max, cells.min, CELL_PROTECTION),
  };
}

function moduleExtremes(s: BatteryString, cellsMv: number[][]): ModuleExtremes {
  const volts = extremes(cellsMv.map((m) => m.reduce((a, b) => a + b, 0)));
  const temps = extremes(s.moduleTempsC.map((t) => Math.round(t * 10)));
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

function averageCapacityAs(s: BatteryString): number {
  const cells = s.modules.flat();
  return cells.reduce((sum, c) => sum + c.capacityAs, 0) / cells.length;
}

/** Charge-temperature alarms when the cells leave the 5..45 °C window while charging. */
function temperatureAlarmBits(s: BatteryString): number {
  const { minC, maxC } = cellTempRangeC(s);
  const charging = s.currentA > 0;
  return encodeBitFlags(ALARM_PROTECTION_BITS, {
    chargeCellLowTemp: charging && minC < 5,
    chargeCellHighTemp: charging && maxC > 45,
    dischargeCellLowTemp: !charging && minC < -10,
    dischargeCellHighTemp: !charging && maxC > 50,
  });
}
