// The INFO contents of the RS485 V3.3 replies (protocol reference §3.6) for one module of a
// simulated string. The SC1000's BMS is string-level, so string-wide values (current, limits,
// alarm words) appear in every module's answer; cells, temperatures and capacity are the
// module's own. Temperature sensors follow the LV layout: #1 BMS board, #2-#5 cell groups
// 1-4, 5-8, 9-12, 13-15.
import {
  ALARM_PROTECTION_BITS,
  ALARM_STATUS1_BITS,
  ALARM_STATUS2_BITS,
  ALARM_STATUS3_BITS,
  type AlarmInfo44Input,
  type AnalogModule42Input,
  CHARGE_MANAGEMENT_BITS,
  type ChargeManagement92Input,
  capacityFields,
  decodeBitFlags,
  encodeBitFlags,
  ITEM_STATES,
  type SystemParameters47,
} from '@fleet/protocol';
import { type FlagName, THRESHOLD_RULES } from '../bms/protection-thresholds.table.js';
import { type BatteryString, cellCapacityAs } from '../model/battery-string.js';
import { measureString } from '../model/measure-string.js';
import { MODULE_TYPES } from '../model/module-types.js';
import {
  CHARGE_CUTOFF_CELL_MV,
  DISCHARGE_CUTOFF_CELL_MV,
  equivalentCycles,
  readString,
} from '../model/read-string.js';

const CELL_GROUPS = [
  [0, 4],
  [4, 8],
  [8, 12],
  [12, 16],
] as const;

const rule = (flag: FlagName) => THRESHOLD_RULES.find((r) => r.flag === flag);
const alarmSet = (flag: FlagName) => rule(flag)?.alarm.set ?? 0;
const protectionSet = (flag: FlagName) => rule(flag)?.protection.set ?? 0;

export function analogModule(s: BatteryString, m: number): AnalogModule42Input {
  const measured = measureString(s);
  const cellsMv = measured.cellsMv[m] ?? [];
  const temps = measured.cellTempsDc[m] ?? [];
  const groups = CELL_GROUPS.map(([a, b]) => {
    const slice = temps.slice(a, b);
    return Math.round(slice.reduce((x, y) => x + y, 0) / Math.max(1, slice.length));
  });
  const cells = s.modules[m] ?? [];
  const totalAs = cells.reduce((sum, _, c) => sum + cellCapacityAs(s, m, c), 0) / Math.max(1, cells.length);
  const soc = cells.reduce((sum, c) => sum + c.soc, 0) / Math.max(1, cells.length);
  const totalMah = Math.round((totalAs / 3600) * 1000);
  return {
    cellVoltagesMv: cellsMv,
    temperaturesDc: [Math.round(s.bmsTempC * 10), ...groups],
    currentDa: Math.round(s.currentA * 10),
    moduleVoltageMv: cellsMv.reduce((a, b) => a + b, 0),
    ...capacityFields(Math.round(totalMah * soc), totalMah),
    cycleCount: Math.min(0xffff, Math.floor(equivalentCycles(s))),
  };
}

function itemState(value: number, high: number, low: number): number {
  if (value >= high) {
    return ITEM_STATES.aboveUpperLimit;
  }
  return value <= low ? ITEM_STATES.belowLowerLimit : ITEM_STATES.normal;
}

export function alarmModule(s: BatteryString, m: number, commandValue: number): AlarmInfo44Input {
  const a = analogModule(s, m);
  const p = decodeBitFlags(ALARM_PROTECTION_BITS, s.protectionBits);
  const highC = alarmSet('chargeCellHighTemp') * 10;
  const lowC = alarmSet('chargeCellLowTemp') * 10;
  const failures = a.cellVoltagesMv.map((mv) => mv > 4200 || mv < 1000);
  const type = MODULE_TYPES[s.moduleTypeName];
  return {
    dataFlag: 0,
    commandValue,
    cellStates: a.cellVoltagesMv.map((mv) =>
      itemState(mv, alarmSet('cellHighVoltage'), alarmSet('cellLowVoltage')),
    ),
    temperatureStates: a.temperaturesDc.map((dc) => itemState(dc, highC, lowC)),
    chargeCurrentState: itemState(s.currentA, type.maxChargeA * 1.1, -Infinity),
    moduleVoltageState: itemState(
      a.moduleVoltageMv,
      alarmSet('moduleHighVoltage') * type.cellsPerModule,
      alarmSet('moduleLowVoltage') * type.cellsPerModule,
    ),
    dischargeCurrentState: itemState(-s.currentA, type.maxDischargeA * 1.1, -Infinity),
    status1: encodeBitFlags(ALARM_STATUS1_BITS, {
      moduleOverVoltage: p.cellHighVoltage || p.moduleHighVoltage || p.packHighVoltage,
      cellUnderVoltage: p.cellLowVoltage,
      chargeOverCurrent: p.chargeOverCurrent,
      dischargeOverCurrent: p.dischargeOverCurrent,
      dischargeOverTemperature: p.dischargeCellHighTemp,
      chargeOverTemperature: p.chargeCellHighTemp,
      moduleUnderVoltage: p.moduleLowVoltage || p.packLowVoltage,
    }),
    status2: encodeBitFlags(ALARM_STATUS2_BITS, {
      usingBatteryModulePower: true,
      chargeMosfetOn: s.bms.relayClosed,
      dischargeMosfetOn: s.bms.relayClosed,
    }),
    status3: encodeBitFlags(ALARM_STATUS3_BITS, {
      effectiveChargeCurrent: s.currentA > 0.1,
      effectiveDischargeCurrent: s.currentA < -0.1,
      fullyCharged: readString(s).pack.socPct >= 100,
    }),
    status4: failures.slice(0, 8).reduce((w, f, i) => w | (f ? 1 << i : 0), 0),
    status5: failures.slice(8, 16).reduce((w, f, i) => w | (f ? 1 << i : 0), 0),
    trailing: [],
  };
}

export function chargeManagement(s: BatteryString, commandValue: number): ChargeManagement92Input {
  const pack = readString(s).pack;
  const cells = MODULE_TYPES[s.moduleTypeName].cellsPerModule;
  return {
    commandValue,
    chargeVoltageLimitMv: cells * CHARGE_CUTOFF_CELL_MV,
    dischargeVoltageLimitMv: cells * DISCHARGE_CUTOFF_CELL_MV,
    chargeCurrentLimitDa: pack.chargeLimitDa,
    // Negative in real frames (R11, R14, R20).
    dischargeCurrentLimitDa: -pack.dischargeLimitDa,
    statusByte: encodeBitFlags(CHARGE_MANAGEMENT_BITS, {
      chargeEnable: !pack.chargeForbidden,
      dischargeEnable: !pack.dischargeForbidden,
      // PDF notes (§3.6): "charge immediately" 1 at SOC 5-9 %, 2 at 9-13 %.
      chargeImmediately1: pack.socPct >= 5 && pack.socPct < 9,
      chargeImmediately2: pack.socPct >= 9 && pack.socPct < 13,
    }),
  };
}

/** 0x47 from the simulator's own thresholds (all assumptions, see the thresholds table). */
export function systemParameters(s: BatteryString): SystemParameters47 {
  const type = MODULE_TYPES[s.moduleTypeName];
  const n = type.cellsPerModule;
  return {
    infoFlag: 0,
    cellHighVoltageMv: protectionSet('cellHighVoltage'),
    cellLowVoltageMv: alarmSet('cellLowVoltage'),
    cellUnderVoltageMv: protectionSet('cellLowVoltage'),
    chargeHighTempDc: protectionSet('chargeCellHighTemp') * 10,
    chargeLowTempDc: protectionSet('chargeCellLowTemp') * 10,
    chargeCurrentLimitDa: type.maxChargeA * 10,
    moduleHighVoltageMv: protectionSet('moduleHighVoltage') * n,
    moduleLowVoltageMv: alarmSet('moduleLowVoltage') * n,
    moduleUnderVoltageMv: protectionSet('moduleLowVoltage') * n,
    dischargeHighTempDc: protectionSet('dischargeCellHighTemp') * 10,
    dischargeLowTempDc: protectionSet('dischargeCellLowTemp') * 10,
    dischargeCurrentLimitDa: -type.maxDischargeA * 10,
  };
}
