// What the simulated SC1000 prints on its text console (protocol reference §3.7; the layouts
// are the protocol package's provisional renderers). State words ("Normal", "Charge", the
// table C abbreviations of active alarms) are SIMULATOR TEXT: the real vocabulary is only
// partly known, so parsers must keep them raw.
import {
  ALARM_PROTECTION_BITS,
  type ConsoleGetpwr,
  type ConsoleInfo,
  type ConsolePwr,
  type ConsoleRow,
  decodeBitFlags,
} from '@fleet/protocol';
import { type BatteryString, cellCapacityAs } from '../model/battery-string.js';
import { measureString } from '../model/measure-string.js';
import { MODULE_TYPES } from '../model/module-types.js';
import { equivalentCycles, readString } from '../model/read-string.js';
import { SIMULATED_MANUFACTURER, SIMULATED_VERSIONS } from './reply-bursts.js';

/** The barcode `tbar` must name to open the debug console. */
export const barcodeOf = (s: BatteryString) => `SIMSC1000ADD${String(s.add).padStart(2, '0')}`;
export const moduleBarcodeOf = (s: BatteryString, m: number) =>
  `SIM${s.moduleTypeName}A${String(s.add).padStart(2, '0')}M${String(m + 1).padStart(2, '0')}`;

function alarmWords(word: number, names: readonly string[]): string {
  const flags = decodeBitFlags(ALARM_PROTECTION_BITS, word) as Record<string, boolean>;
  const on = ALARM_PROTECTION_BITS.filter((b) => names.includes(b.name) && flags[b.name]).map(
    (b) => b.abbrev,
  );
  return on.length === 0 ? 'Normal' : on.join(',');
}

const VOLT = [
  'cellLowVoltage',
  'cellHighVoltage',
  'packLowVoltage',
  'packHighVoltage',
  'moduleLowVoltage',
  'moduleHighVoltage',
];
const CURR = ['chargeOverCurrent', 'dischargeOverCurrent'];
const TEMP = ['chargeCellLowTemp', 'chargeCellHighTemp', 'dischargeCellLowTemp', 'dischargeCellHighTemp'];

function baseState(s: BatteryString): string {
  if (!s.bms.relayClosed) {
    return 'Protect';
  }
  return s.currentA > 0.5 ? 'Charge' : s.currentA < -0.5 ? 'Dischg' : 'Idle';
}

function remainingMah(s: BatteryString, modules: number[]): number {
  let mah = 0;
  let n = 0;
  for (const m of modules) {
    for (const [c, cell] of (s.modules[m] ?? []).entries()) {
      mah += (cell.soc * cellCapacityAs(s, m, c)) / 3.6;
      n += 1;
    }
  }
  return Math.round(mah / Math.max(1, n));
}

export function pwrView(s: BatteryString): ConsolePwr {
  const r = readString(s);
  const p = r.pack;
  const mah = remainingMah(
    s,
    s.modules.map((_, m) => m),
  );
  const pack: ConsoleRow = {
    voltageMv: p.packVoltageDv * 100,
    currentDa: p.packCurrentDa,
    tempDc: p.bmsTempDc,
    cellTempLowDc: p.cellTempMinDc,
    cellTempHighDc: p.cellTempMaxDc,
    cellVoltLowMv: p.cellMinMv,
    cellVoltHighMv: p.cellMaxMv,
    unitTempLowDc: r.modules.moduleTempMinDc,
    unitTempHighDc: r.modules.moduleTempMaxDc,
    unitVoltLowMv: r.modules.moduleVoltageMinMv,
    unitVoltHighMv: r.modules.moduleVoltageMaxMv,
    baseState: baseState(s),
    voltState: alarmWords(p.protectionBits, VOLT),
    currState: alarmWords(p.protectionBits, CURR),
    tempState: alarmWords(p.protectionBits, TEMP),
    socPct: p.socPct,
    remainingMah: mah,
    energyPct: p.socPct,
    remainingWh: Math.round((mah * p.packVoltageDv) / 10_000),
    cellVoltState: alarmWords(p.alarmBits, VOLT),
    cellTempState: alarmWords(p.alarmBits, TEMP),
    unitVoltState: alarmWords(p.alarmBits, ['moduleLowVoltage', 'moduleHighVoltage']),
    unitTempState: 'Normal',
    errorCode: `0x${p.errorBits.toString(16).padStart(2, '0')}`,
    raw: {},
  };
  return {
    pack,
    avgTempDc: Math.round((p.cellTempMaxDc + p.cellTempMinDc) / 2),
    batVoltageMv: p.packVoltageDv * 100,
  };
}

export function unitRows(s: BatteryString): ConsoleRow[] {
  const m = measureString(s);
  return s.modules.map((_, i) => {
    const cells = m.cellsMv[i] ?? [];
    const temps = m.cellTempsDc[i] ?? [];
    return {
      voltageMv: cells.reduce((a, b) => a + b, 0),
      currentDa: Math.round(s.currentA * 10),
      tempDc: Math.round((m.moduleTempsC[i] ?? 0) * 10),
      cellTempLowDc: Math.min(...temps),
      cellTempHighDc: Math.max(...temps),
      cellVoltLowMv: Math.min(...cells),
      cellVoltHighMv: Math.max(...cells),
      baseState: m.reporting[i] ? baseState(s) : 'Offline',
      voltState: alarmWords(s.protectionBits, VOLT),
      tempState: alarmWords(s.protectionBits, TEMP),
      socPct: Math.round(
        ((s.modules[i] ?? []).reduce((a, c) => a + c.soc, 0) / Math.max(1, cells.length)) * 100,
      ),
      remainingMah: remainingMah(s, [i]),
      energyPct: undefined,
      remainingWh: undefined,
      raw: {},
    };
  });
}

/** Cells in physical order, [module][cell]. */
export function batCells(s: BatteryString): ConsoleRow[][] {
  const m = measureString(s);
  const state = baseState(s);
  return s.modules.map((cells, i) =>
    cells.map((cell, c) => ({
      voltageMv: m.cellsMv[i]?.[c],
      currentDa: Math.round(s.currentA * 10),
      tempDc: m.cellTempsDc[i]?.[c],
      baseState: state,
      voltState: 'Normal',
      currState: 'Normal',
      tempState: 'Normal',
      socPct: Math.round(cell.soc * 100),
      remainingMah: Math.round((cell.soc * cellCapacityAs(s, i, c)) / 3.6),
      balance: s.balancingCells > 0 && cell.soc > Math.min(...cells.map((x) => x.soc)) + 0.001 ? 'Y' : 'N',
      raw: {},
    })),
  );
}

export function infoView(s: BatteryString): Omit<ConsoleInfo, 'fields'> {
  const type = MODULE_TYPES[s.moduleTypeName];
  const v = SIMULATED_VERSIONS;
  return {
    deviceAddress: s.add,
    manufacturer: SIMULATED_MANUFACTURER,
    deviceName: 'SC1000-SIM',
    boardVersion: `${v.hardwareMajor}.${v.hardwareMinor}`,
    softVersion: `V${v.softwareMajor}.${v.softwareMinor}`,
    barcode: barcodeOf(s),
    cellNumber: s.modules.length * type.cellsPerModule,
    maxDischargeCurrentDa: type.maxDischargeA * 10,
    maxChargeCurrentDa: type.maxChargeA * 10,
    moduleBarcodes: s.modules.map((_, m) => moduleBarcodeOf(s, m)),
  };
}

export function getpwrView(s: BatteryString): ConsoleGetpwr {
  const p = readString(s).pack;
  const m = measureString(s);
  return {
    packVoltageMv: p.packVoltageDv * 100,
    packCurrentDa: p.packCurrentDa,
    avgTempDc: Math.round((p.cellTempMaxDc + p.cellTempMinDc) / 2),
    // SC-CLI calls this field Wh; the simulator prints remaining Wh.
    capacityRaw: String(
      Math.round(
        (remainingMah(
          s,
          s.modules.map((_, i) => i),
        ) *
          p.packVoltageDv) /
          10_000,
      ),
    ),
    status: baseState(s),
    voltageStatus: alarmWords(p.protectionBits, VOLT),
    currentStatus: alarmWords(p.protectionBits, CURR),
    temperatureStatus: alarmWords(p.protectionBits, TEMP),
    cells: m.cellsMv.flatMap((cells, i) =>
      cells.map((mv, c) => ({
        voltageMv: mv,
        tempDc: m.cellTempsDc[i]?.[c] ?? 0,
        status1: 'Normal',
        status2: 'Normal',
      })),
    ),
    errorCode: p.errorBits,
    cycleCount: Math.floor(equivalentCycles(s)),
  };
}
