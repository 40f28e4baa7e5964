// 0x35F — seen on "V1.3" firmware (protocol reference §2.1, ✔1), "battery type / BMS info";
// the one capture starts with "LI" and the rest is not decoded by any source. Kept raw.
import type { DecodeResult } from '../bytes/decode-result.js';
import type { CanMessageDefinition } from '../dbc/can-signal.js';
import { decodeRawPayload, encodeRawPayload, type RawPayload } from './raw-payload.js';

export type BatteryInfo35F = RawPayload;

export const BATTERY_INFO_35F: CanMessageDefinition = {
  name: 'LV_35F_BatteryInfoRaw',
  id: 0x35f,
  extended: false,
  dlc: 8,
  sender: 'BMS',
  addressed: false,
  section: '§2.1',
  comment: 'V1.3 firmware only; starts with "LI", meaning unknown: raw.',
  signals: [],
};

export function decodeBatteryInfo35F(data: Uint8Array): DecodeResult<BatteryInfo35F> {
  return decodeRawPayload(data, '0x35F');
}

export function encodeBatteryInfo35F(value: BatteryInfo35F): Uint8Array {
  return encodeRawPayload(value, '0x35F');
}
