// 0x7320 (+address) — string composition, reply to 0x4200 byte0 = 2. Protocol reference §1.4.11.
// Bytes 0-1 are labelled "battery module quantity" by the vendor but carry the total series
// cell count in real data (H2: 45 for 3 × 15-cell H48050).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, readU16LE, writeU8, writeU16LE } from '../bytes/little-endian.js';

export interface Composition7320 {
  totalCells: number;
  moduleCount: number;
  cellsPerModule: number;
  /** Nominal string voltage, 1 V. */
  nominalVoltageV: number;
  capacityAh: number;
}

export function decodeComposition7320(data: Uint8Array): DecodeResult<Composition7320> {
  return withLength(data, 8, '0x7320', (d) => ({
    totalCells: readU16LE(d, 0),
    moduleCount: readU8(d, 2),
    cellsPerModule: readU8(d, 3),
    nominalVoltageV: readU16LE(d, 4),
    capacityAh: readU16LE(d, 6),
  }));
}

export function encodeComposition7320(value: Composition7320): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, value.totalCells, 'totalCells');
  writeU8(data, 2, value.moduleCount, 'moduleCount');
  writeU8(data, 3, value.cellsPerModule, 'cellsPerModule');
  writeU16LE(data, 4, value.nominalVoltageV, 'nominalVoltageV');
  writeU16LE(data, 6, value.capacityAh, 'capacityAh');
  return data;
}
