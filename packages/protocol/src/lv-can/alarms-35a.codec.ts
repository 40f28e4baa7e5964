// 0x35A — seen on "V1.3" firmware (protocol reference §2.1, ✔1: one US5000 capture, all
// zero), described as SMA/Victron-style alarms and warnings. No bit is documented for
// Pylontech, so the bytes are kept raw.
import type { DecodeResult } from '../bytes/decode-result.js';
import type { CanMessageDefinition } from '../dbc/can-signal.js';
import { decodeRawPayload, encodeRawPayload, type RawPayload } from './raw-payload.js';

export type Alarms35A = RawPayload;

export const ALARMS_35A: CanMessageDefinition = {
  name: 'LV_35A_AlarmsRaw',
  id: 0x35a,
  extended: false,
  dlc: 8,
  sender: 'BMS',
  addressed: false,
  section: '§2.1',
  comment: 'V1.3 firmware only; alarm/warning bits not documented for Pylontech: raw.',
  signals: [],
};

export function decodeAlarms35A(data: Uint8Array): DecodeResult<Alarms35A> {
  return decodeRawPayload(data, '0x35A');
}

export function encodeAlarms35A(value: Alarms35A): Uint8Array {
  return encodeRawPayload(value, '0x35A');
}
