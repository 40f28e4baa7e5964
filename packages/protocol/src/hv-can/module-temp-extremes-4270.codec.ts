// 0x4270 (+address) — highest/lowest module temperature and their module numbers.
// Protocol reference §1.4.7: u16 LE 0.1 °C with −100 °C offset; u16 LE module numbers.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU16LE, writeU16LE } from '../bytes/little-endian.js';
import { temperatureDcFromRaw, temperatureDcToRaw } from './hv-can-scaling.js';

export interface ModuleTempExtremes4270 {
  moduleTempMaxDc: number;
  moduleTempMinDc: number;
  moduleTempMaxNo: number;
  moduleTempMinNo: number;
}

export function decodeModuleTempExtremes4270(data: Uint8Array): DecodeResult<ModuleTempExtremes4270> {
  return withLength(data, 8, '0x4270', (d) => ({
    moduleTempMaxDc: temperatureDcFromRaw(readU16LE(d, 0)),
    moduleTempMinDc: temperatureDcFromRaw(readU16LE(d, 2)),
    moduleTempMaxNo: readU16LE(d, 4),
    moduleTempMinNo: readU16LE(d, 6),
  }));
}

export function encodeModuleTempExtremes4270(value: ModuleTempExtremes4270): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, temperatureDcToRaw(value.moduleTempMaxDc), 'moduleTempMaxDc');
  writeU16LE(data, 2, temperatureDcToRaw(value.moduleTempMinDc), 'moduleTempMinDc');
  writeU16LE(data, 4, value.moduleTempMaxNo, 'moduleTempMaxNo');
  writeU16LE(data, 6, value.moduleTempMinNo, 'moduleTempMinNo');
  return data;
}
