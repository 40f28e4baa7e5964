// 0x93 "get module serial number" response INFO (protocol reference §3.6): command value and
// 16 bytes of ASCII serial number. No real capture in the reference (✔✔ from PDF + one client).
import type { DecodeResult } from '../bytes/decode-result.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';

export const SERIAL_NUMBER_BYTES = 16;

export interface SerialNumber93 {
  commandValue: number;
  /** Trailing NUL padding removed. */
  serialNumber: string;
}

export function decodeSerialNumber93(info: Uint8Array): DecodeResult<SerialNumber93> {
  const r = new InfoReader(info);
  const commandValue = r.u8();
  const serialNumber = r.ascii(SERIAL_NUMBER_BYTES);
  return finishInfo(r, '0x93', { commandValue, serialNumber });
}

export function encodeSerialNumber93(v: SerialNumber93): Uint8Array {
  return new InfoWriter()
    .u8(v.commandValue, 'commandValue')
    .ascii(v.serialNumber, SERIAL_NUMBER_BYTES, 'serialNumber')
    .toBytes();
}
