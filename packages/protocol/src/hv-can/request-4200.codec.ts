// 0x4200 — poll from the PCS/EMS to the BMS, broadcast (no address nibble).
// Protocol reference §1.2: byte0 0 = ensemble information (→ 0x4210…0x4290),
// 1 = cell voltages (→ 0x5xxx, layout unknown), 2 = system equipment information (→ 0x7310…0x7340).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export type RequestKind = 'ensemble' | 'cells' | 'system' | 'other';

export interface Request4200 {
  kind: RequestKind;
  /** byte0 as received; the only byte with a documented meaning (bytes 1-7 are 0). */
  requestCode: number;
}

const KIND_BY_CODE: Record<number, RequestKind> = { 0: 'ensemble', 1: 'cells', 2: 'system' };
const CODE_BY_KIND: Record<Exclude<RequestKind, 'other'>, number> = { ensemble: 0, cells: 1, system: 2 };

export function request4200(kind: Exclude<RequestKind, 'other'>): Request4200 {
  return { kind, requestCode: CODE_BY_KIND[kind] };
}

export function decodeRequest4200(data: Uint8Array): DecodeResult<Request4200> {
  return withLength(data, 8, '0x4200', (d) => {
    const requestCode = readU8(d, 0);
    return { kind: KIND_BY_CODE[requestCode] ?? 'other', requestCode };
  });
}

export function encodeRequest4200(value: Request4200): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.requestCode, 'requestCode');
  return data;
}
