// 0x7310 (+address) — hardware / software versions, reply to 0x4200 byte0 = 2.
// Protocol reference §1.4.10. Byte 1 is reserved.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export interface Versions7310 {
  /** One source maps 1 → "A", 2 → "B"; kept as the number. */
  hardwareType: number;
  hardwareMajor: number;
  hardwareMinor: number;
  softwareMajor: number;
  softwareMinor: number;
  softwareDevMajor: number;
  softwareDevMinor: number;
}

export function decodeVersions7310(data: Uint8Array): DecodeResult<Versions7310> {
  return withLength(data, 8, '0x7310', (d) => ({
    hardwareType: readU8(d, 0),
    hardwareMajor: readU8(d, 2),
    hardwareMinor: readU8(d, 3),
    softwareMajor: readU8(d, 4),
    softwareMinor: readU8(d, 5),
    softwareDevMajor: readU8(d, 6),
    softwareDevMinor: readU8(d, 7),
  }));
}

export function encodeVersions7310(value: Versions7310): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.hardwareType, 'hardwareType');
  writeU8(data, 2, value.hardwareMajor, 'hardwareMajor');
  writeU8(data, 3, value.hardwareMinor, 'hardwareMinor');
  writeU8(data, 4, value.softwareMajor, 'softwareMajor');
  writeU8(data, 5, value.softwareMinor, 'softwareMinor');
  writeU8(data, 6, value.softwareDevMajor, 'softwareDevMajor');
  writeU8(data, 7, value.softwareDevMinor, 'softwareDevMinor');
  return data;
}
