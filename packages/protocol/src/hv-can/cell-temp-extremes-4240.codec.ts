// 0x4240 (+address) — highest/lowest cell temperature and their sensor numbers.
// Protocol reference §1.4.4: u16 LE 0.1 °C with −100 °C offset; u16 LE sensor numbers.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU16LE, writeU16LE } from '../bytes/little-endian.js';
import { temperatureDcFromRaw, temperatureDcToRaw } from './hv-can-scaling.js';

export interface CellTempExtremes4240 {
  cellTempMaxDc: number;
  cellTempMinDc: number;
  cellTempMaxNo: number;
  cellTempMinNo: number;
}

export function decodeCellTempExtremes4240(data: Uint8Array): DecodeResult<CellTempExtremes4240> {
  return withLength(data, 8, '0x4240', (d) => ({
    cellTempMaxDc: temperatureDcFromRaw(readU16LE(d, 0)),
    cellTempMinDc: temperatureDcFromRaw(readU16LE(d, 2)),
    cellTempMaxNo: readU16LE(d, 4),
    cellTempMinNo: readU16LE(d, 6),
  }));
}

export function encodeCellTempExtremes4240(value: CellTempExtremes4240): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, temperatureDcToRaw(value.cellTempMaxDc), 'cellTempMaxDc');
  writeU16LE(data, 2, temperatureDcToRaw(value.cellTempMinDc), 'cellTempMinDc');
  writeU16LE(data, 4, value.cellTempMaxNo, 'cellTempMaxNo');
  writeU16LE(data, 6, value.cellTempMinNo, 'cellTempMinNo');
  return data;
}
