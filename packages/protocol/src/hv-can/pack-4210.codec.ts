// 0x4210 (+address) — pack voltage, current, BMS temperature, SOC, SOH.
// Protocol reference §1.4.1: u16 LE 0.1 V; u16 LE 0.1 A −3000 A; u16 LE 0.1 °C −100 °C; u8 %; u8 %.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, readU16LE, writeU8, writeU16LE } from '../bytes/little-endian.js';
import {
  currentDaFromRaw,
  currentDaToRaw,
  temperatureDcFromRaw,
  temperatureDcToRaw,
} from './hv-can-scaling.js';

export interface Pack4210 {
  packVoltageDv: number;
  /** + = charging. */
  packCurrentDa: number;
  /** The "second-level" (string) BMS temperature. */
  bmsTempDc: number;
  socPct: number;
  sohPct: number;
}

export function decodePack4210(data: Uint8Array): DecodeResult<Pack4210> {
  return withLength(data, 8, '0x4210', (d) => ({
    packVoltageDv: readU16LE(d, 0),
    packCurrentDa: currentDaFromRaw(readU16LE(d, 2)),
    bmsTempDc: temperatureDcFromRaw(readU16LE(d, 4)),
    socPct: readU8(d, 6),
    sohPct: readU8(d, 7),
  }));
}

export function encodePack4210(value: Pack4210): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, value.packVoltageDv, 'packVoltageDv');
  writeU16LE(data, 2, currentDaToRaw(value.packCurrentDa), 'packCurrentDa');
  writeU16LE(data, 4, temperatureDcToRaw(value.bmsTempDc), 'bmsTempDc');
  writeU8(data, 6, value.socPct, 'socPct');
  writeU8(data, 7, value.sohPct, 'sohPct');
  return data;
}
