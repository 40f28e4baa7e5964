// 0x305 — inverter → battery request / keep-alive (protocol reference §2.1), 8 bytes.
// ⚠ (minor) One source says the content is all zero, another sends 0x21 in byte 0; nothing
// gives the bytes a meaning, so they are kept raw. Any DLC is accepted: only the id matters
// to a battery.
import type { DecodeResult } from '../bytes/decode-result.js';
import type { CanMessageDefinition } from '../dbc/can-signal.js';
import { decodeRawPayload, encodeRawPayload, type RawPayload } from './raw-payload.js';

export type KeepAlive305 = RawPayload;

/** The all-zero keep-alive of the specification. */
export const KEEP_ALIVE_305: KeepAlive305 = { dataHex: '0000000000000000' };

export const KEEP_ALIVE_305_MESSAGE: CanMessageDefinition = {
  name: 'LV_305_KeepAlive',
  id: 0x305,
  extended: false,
  dlc: 8,
  sender: 'PCS',
  addressed: false,
  section: '§2.1',
  comment: 'Inverter keep-alive / request. Content all zero per one source, 0x21 in byte 0 per another.',
  signals: [],
};

export function decodeKeepAlive305(data: Uint8Array): DecodeResult<KeepAlive305> {
  return decodeRawPayload(data, '0x305');
}

export function encodeKeepAlive305(value: KeepAlive305): Uint8Array {
  return encodeRawPayload(value, '0x305');
}
