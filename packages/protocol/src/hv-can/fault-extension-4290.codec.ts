// 0x4290 (+address) — fault extension. Protocol reference §1.4.9.
// ⚠ The bit order of byte 0 is unresolved (two sources disagree), so only the raw byte is
// exposed; label the bits once a real capture settles it. Bytes 1-7 are reserved (0).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export interface FaultExtension4290 {
  faultExtensionRaw: number;
}

export function decodeFaultExtension4290(data: Uint8Array): DecodeResult<FaultExtension4290> {
  return withLength(data, 8, '0x4290', (d) => ({ faultExtensionRaw: readU8(d, 0) }));
}

export function encodeFaultExtension4290(value: FaultExtension4290): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.faultExtensionRaw, 'faultExtensionRaw');
  return data;
}
