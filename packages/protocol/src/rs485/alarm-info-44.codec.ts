// 0x44 "get alarm info" response INFO (protocol reference §3.6, 0x44): DATAFLAG, command
// value, M per-cell states, N per-temperature states, charge-current / module-voltage /
// discharge-current states, Status 1-5. Some firmware appends one more byte (TOM#7 frame,
// ✔1, meaning unknown): it is kept raw in `trailing` and written back by the encoder.
// How a 0xFF (whole group) query is answered is not documented anywhere: not decoded here.
import { corrupt, type DecodeResult } from '../bytes/decode-result.js';
import { decodeBitFlags } from '../hv-can/status-flags.table.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';
import {
  ALARM_STATUS1_BITS,
  ALARM_STATUS2_BITS,
  ALARM_STATUS3_BITS,
  type AlarmStatus1Flags,
  type AlarmStatus2Flags,
  type AlarmStatus3Flags,
  cellFailuresOf,
} from './rs485-bit-tables.js';

/** At most this many unexplained bytes after Status 5 are tolerated (one seen in the wild). */
export const MAX_ALARM_TRAILING_BYTES = 1;

export interface AlarmInfo44 {
  dataFlag: number;
  commandValue: number;
  /** Item state codes, raw (0 normal, 1 below, 2 above, 0xF0 other; see `itemStateOf`). */
  cellStates: number[];
  temperatureStates: number[];
  chargeCurrentState: number;
  moduleVoltageState: number;
  dischargeCurrentState: number;
  status1: number;
  status2: number;
  status3: number;
  status4: number;
  status5: number;
  protections: AlarmStatus1Flags;
  switches: AlarmStatus2Flags;
  activity: AlarmStatus3Flags;
  /** From Status 4/5: index 0 = cell 1. */
  cellFailures: boolean[];
  /** Firmware-specific bytes after Status 5 (0 or 1), raw. */
  trailing: number[];
}

export type AlarmInfo44Input = Omit<AlarmInfo44, 'protections' | 'switches' | 'activity' | 'cellFailures'>;

export function decodeAlarmInfo44(info: Uint8Array): DecodeResult<AlarmInfo44> {
  const r = new InfoReader(info);
  const dataFlag = r.u8();
  const commandValue = r.u8();
  const cellStates = r.bytes(r.u8());
  const temperatureStates = r.bytes(r.u8());
  const [chargeCurrentState, moduleVoltageState, dischargeCurrentState] = r.bytes(3);
  const [status1, status2, status3, status4, status5] = r.bytes(5);
  if (r.short) {
    return corrupt('0x44: INFO ends before Status 5');
  }
  if (r.remaining > MAX_ALARM_TRAILING_BYTES) {
    return corrupt(`0x44: ${r.remaining} bytes after Status 5, at most ${MAX_ALARM_TRAILING_BYTES} expected`);
  }
  const trailing = r.bytes(r.remaining);
  const s = [status1, status2, status3, status4, status5].map((v) => v ?? 0) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return finishInfo(r, '0x44', {
    dataFlag,
    commandValue,
    cellStates,
    temperatureStates,
    chargeCurrentState: chargeCurrentState ?? 0,
    moduleVoltageState: moduleVoltageState ?? 0,
    dischargeCurrentState: dischargeCurrentState ?? 0,
    status1: s[0],
    status2: s[1],
    status3: s[2],
    status4: s[3],
    status5: s[4],
    protections: decodeBitFlags(ALARM_STATUS1_BITS, s[0]),
    switches: decodeBitFlags(ALARM_STATUS2_BITS, s[1]),
    activity: decodeBitFlags(ALARM_STATUS3_BITS, s[2]),
    cellFailures: cellFailuresOf(s[3], s[4]),
    trailing,
  });
}

export function encodeAlarmInfo44(value: AlarmInfo44Input): Uint8Array {
  return new InfoWriter()
    .u8(value.dataFlag, 'dataFlag')
    .u8(value.commandValue, 'commandValue')
    .u8(value.cellStates.length, 'cell count')
    .bytes(value.cellStates, 'cellStates')
    .u8(value.temperatureStates.length, 'temperature count')
    .bytes(value.temperatureStates, 'temperatureStates')
    .u8(value.chargeCurrentState, 'chargeCurrentState')
    .u8(value.moduleVoltageState, 'moduleVoltageState')
    .u8(value.dischargeCurrentState, 'dischargeCurrentState')
    .bytes([value.status1, value.status2, value.status3, value.status4, value.status5], 'status')
    .bytes(value.trailing, 'trailing')
    .toBytes();
}
