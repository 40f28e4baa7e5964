// 0x4230 (+address) — highest/lowest cell voltage and their cell numbers. Protocol reference §1.4.3.
// Whether the numbers are 0- or 1-based is unknown; they pass through unchanged.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU16LE, writeU16LE } from '../bytes/little-endian.js';

export interface CellVoltageExtremes4230 {
  cellMaxMv: number;
  cellMinMv: number;
  cellMaxNo: number;
  cellMinNo: number;
}

export function decodeCellVoltageExtremes4230(data: Uint8Array): DecodeResult<CellVoltageExtremes4230> {
  return withLength(data, 8, '0x4230', (d) => ({
    cellMaxMv: readU16LE(d, 0),
    cellMinMv: readU16LE(d, 2),
    cellMaxNo: readU16LE(d, 4),
    cellMinNo: readU16LE(d, 6),
  }));
}

export function encodeCellVoltageExtremes4230(value: CellVoltageExtremes4230): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, value.cellMaxMv, 'cellMaxMv');
  writeU16LE(data, 2, value.cellMinMv, 'cellMinMv');
  writeU16LE(data, 4, value.cellMaxNo, 'cellMaxNo');
  writeU16LE(data, 6, value.cellMinNo, 'cellMinNo');
  return data;
}
