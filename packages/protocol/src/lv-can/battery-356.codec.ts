// 0x356 — battery voltage, current, temperature (protocol reference §2.2), DLC 6, all s16 LE:
// 0.01 V; 0.1 A, positive = charging; 0.1 °C without offset.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { type CanMessageDefinition, signal } from '../dbc/can-signal.js';
import { readNumberField, writeNumberField } from '../dbc/signal-access.js';

export interface Battery356 {
  /** 0.01 V. */
  batteryVoltageCv: number;
  /** 0.1 A, + = charging. */
  batteryCurrentDa: number;
  batteryTempDc: number;
}

const SECTION = '§2.2 0x356';
const S = {
  batteryVoltageCv: signal({
    name: 'BatteryVoltage',
    field: 'batteryVoltageCv',
    startByte: 0,
    bits: 16,
    signed: true,
    scale: 0.01,
    unit: 'V',
    section: SECTION,
    confidence: 'confirmed',
  }),
  batteryCurrentDa: signal({
    name: 'BatteryCurrent',
    field: 'batteryCurrentDa',
    startByte: 2,
    bits: 16,
    signed: true,
    scale: 0.1,
    unit: 'A',
    section: SECTION,
    confidence: 'confirmed',
    comment: 'positive = charging',
  }),
  batteryTempDc: signal({
    name: 'BatteryTemperature',
    field: 'batteryTempDc',
    startByte: 4,
    bits: 16,
    signed: true,
    scale: 0.1,
    unit: '°C',
    section: SECTION,
    confidence: 'confirmed',
  }),
};

export const BATTERY_356: CanMessageDefinition = {
  name: 'LV_356_Battery',
  id: 0x356,
  extended: false,
  dlc: 6,
  sender: 'BMS',
  addressed: false,
  section: SECTION,
  comment: 'Battery voltage, current (positive = charging) and temperature.',
  signals: Object.values(S),
};

export function decodeBattery356(data: Uint8Array): DecodeResult<Battery356> {
  return withLength(data, 6, '0x356', (d) => ({
    batteryVoltageCv: readNumberField(d, S.batteryVoltageCv),
    batteryCurrentDa: readNumberField(d, S.batteryCurrentDa),
    batteryTempDc: readNumberField(d, S.batteryTempDc),
  }));
}

export function encodeBattery356(value: Battery356): Uint8Array {
  const data = new Uint8Array(6);
  writeNumberField(data, S.batteryVoltageCv, value.batteryVoltageCv, 'batteryVoltageCv');
  writeNumberField(data, S.batteryCurrentDa, value.batteryCurrentDa, 'batteryCurrentDa');
  writeNumberField(data, S.batteryTempDc, value.batteryTempDc, 'batteryTempDc');
  return data;
}
