// 0x4280 (+address) — charge / discharge forbidden marks. Protocol reference §1.4.8:
// byte0 / byte1 = 0xAA means forbidden, anything else allowed; bytes 2-7 reserved (0).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export const FORBIDDEN_MARK = 0xaa;

export interface ForbiddenMarks4280 {
  chargeForbidden: boolean;
  dischargeForbidden: boolean;
  /** The mark bytes as received, since "anything else" covers more than 0x00. */
  chargeForbiddenMark: number;
  dischargeForbiddenMark: number;
}

export function forbiddenMarks4280(value: {
  chargeForbidden: boolean;
  dischargeForbidden: boolean;
}): ForbiddenMarks4280 {
  return {
    ...value,
    chargeForbiddenMark: value.chargeForbidden ? FORBIDDEN_MARK : 0,
    dischargeForbiddenMark: value.dischargeForbidden ? FORBIDDEN_MARK : 0,
  };
}

export function decodeForbiddenMarks4280(data: Uint8Array): DecodeResult<ForbiddenMarks4280> {
  return withLength(data, 8, '0x4280', (d) => ({
    chargeForbidden: readU8(d, 0) === FORBIDDEN_MARK,
    dischargeForbidden: readU8(d, 1) === FORBIDDEN_MARK,
    chargeForbiddenMark: readU8(d, 0),
    dischargeForbiddenMark: readU8(d, 1),
  }));
}

export function encodeForbiddenMarks4280(value: ForbiddenMarks4280): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.chargeForbiddenMark, 'chargeForbiddenMark');
  writeU8(data, 1, value.dischargeForbiddenMark, 'dischargeForbiddenMark');
  return data;
}
