// The frames a simulated BMS sends for each poll (protocol reference §1.2): byte0 = 0 →
// 0x4210…0x4290, byte0 = 2 → 0x7310…0x7340, each id + the string's address.
import {
  type CanFrame,
  encodeHvCanFrame,
  forbiddenMarks4280,
  type HvCanMessage,
  limits4220,
  splitManufacturerName,
  status4250,
} from '@fleet/protocol';
import type { BatteryString } from '../model/battery-string.js';
import { MODULE_TYPES } from '../model/module-types.js';
import type { StringReadings } from '../model/pack-readings.js';

/** What the simulated BMS says about itself in 0x7310 (invented, clearly a simulator). */
export const SIMULATED_VERSIONS = {
  hardwareType: 1,
  hardwareMajor: 1,
  hardwareMinor: 0,
  softwareMajor: 9,
  softwareMinor: 9,
  softwareDevMajor: 0,
  softwareDevMinor: 1,
};
export const SIMULATED_MANUFACTURER = 'PYLONTECH';

export function ensembleMessages(r: StringReadings): HvCanMessage[] {
  const p = r.pack;
  const limits = limits4220({
    chargeCutoffDv: p.chargeCutoffDv,
    dischargeCutoffDv: p.dischargeCutoffDv,
    chargeLimitDa: p.chargeLimitDa,
    dischargeLimitDa: p.dischargeLimitDa,
  });
  return [
    { type: '4210', ...pick(p, ['packVoltageDv', 'packCurrentDa', 'bmsTempDc', 'socPct', 'sohPct']) },
    { type: '4220', ...limits },
    { type: '4230', ...pick(p, ['cellMaxMv', 'cellMinMv', 'cellMaxNo', 'cellMinNo']) },
    { type: '4240', ...pick(p, ['cellTempMaxDc', 'cellTempMinDc', 'cellTempMaxNo', 'cellTempMinNo']) },
    {
      type: '4250',
      ...status4250(pick(p, ['statusByte', 'cyclePeriodRaw', 'errorBits', 'alarmBits', 'protectionBits'])),
    },
    {
      type: '4260',
      ...pick(r.modules, [
        'moduleVoltageMaxMv',
        'moduleVoltageMinMv',
        'moduleVoltageMaxNo',
        'moduleVoltageMinNo',
      ]),
    },
    {
      type: '4270',
      ...pick(r.modules, ['moduleTempMaxDc', 'moduleTempMinDc', 'moduleTempMaxNo', 'moduleTempMinNo']),
    },
    { type: '4280', ...forbiddenMarks4280(pick(p, ['chargeForbidden', 'dischargeForbidden'])) },
    { type: '4290', faultExtensionRaw: r.faultExtensionRaw },
  ];
}

export function systemMessages(s: BatteryString): HvCanMessage[] {
  const type = MODULE_TYPES[s.moduleTypeName];
  const moduleCount = s.modules.length;
  const [first, second] = splitManufacturerName(SIMULATED_MANUFACTURER);
  return [
    { type: '7310', ...SIMULATED_VERSIONS },
    {
      type: '7320',
      totalCells: moduleCount * type.cellsPerModule,
      moduleCount,
      cellsPerModule: type.cellsPerModule,
      // 48 V class modules: 15 cells × 3.2 V nominal.
      nominalVoltageV: Math.round(moduleCount * type.cellsPerModule * 3.2),
      capacityAh: type.capacityAh,
    },
    { type: '7330', ...first },
    { type: '7340', ...second },
  ];
}

export function toFrames(messages: HvCanMessage[], address: number): CanFrame[] {
  return messages.map((m) => encodeHvCanFrame(m, address));
}

function pick<T extends object, K extends keyof T>(from: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) {
    out[key] = from[key];
  }
  return out;
}
