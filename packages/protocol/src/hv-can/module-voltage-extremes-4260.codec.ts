// 0x4260 (+address) — highest/lowest module voltage and their module numbers.
// Protocol reference §1.4.6: u16 LE 1 mV. ⚠ Overflows above 65.535 V, fine for 48 V-class
// modules (H48050/H48074); behaviour for 96 V modules is unknown.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU16LE, writeU16LE } from '../bytes/little-endian.js';

export interface ModuleVoltageExtremes4260 {
  moduleVoltageMaxMv: number;
  moduleVoltageMinMv: number;
  moduleVoltageMaxNo: number;
  moduleVoltageMinNo: number;
}

export function decodeModuleVoltageExtremes4260(data: Uint8Array): DecodeResult<ModuleVoltageExtremes4260> {
  return withLength(data, 8, '0x4260', (d) => ({
    moduleVoltageMaxMv: readU16LE(d, 0),
    moduleVoltageMinMv: readU16LE(d, 2),
    moduleVoltageMaxNo: readU16LE(d, 4),
    moduleVoltageMinNo: readU16LE(d, 6),
  }));
}

export function encodeModuleVoltageExtremes4260(value: ModuleVoltageExtremes4260): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, value.moduleVoltageMaxMv, 'moduleVoltageMaxMv');
  writeU16LE(data, 2, value.moduleVoltageMinMv, 'moduleVoltageMinMv');
  writeU16LE(data, 4, value.moduleVoltageMaxNo, 'moduleVoltageMaxNo');
  writeU16LE(data, 6, value.moduleVoltageMinNo, 'moduleVoltageMinNo');
  return data;
}
