// 0x51 "get manufacturer info" response INFO (protocol reference §3.6): no INFOFLAG; 10 bytes
// device name (ASCII, NUL-padded), 2 bytes software version, 20 bytes manufacturer name.
import type { DecodeResult } from '../bytes/decode-result.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';

export const DEVICE_NAME_BYTES = 10;
export const MANUFACTURER_NAME_BYTES = 20;

export interface ManufacturerInfo51 {
  /** Trailing NUL padding removed. */
  deviceName: string;
  /** The two version bytes as sent (e.g. [2, 3]); their meaning (major/minor?) is not documented. */
  softwareVersion: [number, number];
  manufacturerName: string;
}

export function decodeManufacturerInfo51(info: Uint8Array): DecodeResult<ManufacturerInfo51> {
  const r = new InfoReader(info);
  const deviceName = r.ascii(DEVICE_NAME_BYTES);
  const softwareVersion: [number, number] = [r.u8(), r.u8()];
  const manufacturerName = r.ascii(MANUFACTURER_NAME_BYTES);
  return finishInfo(r, '0x51', { deviceName, softwareVersion, manufacturerName });
}

export function encodeManufacturerInfo51(v: ManufacturerInfo51): Uint8Array {
  return new InfoWriter()
    .ascii(v.deviceName, DEVICE_NAME_BYTES, 'deviceName')
    .bytes(v.softwareVersion, 'softwareVersion')
    .ascii(v.manufacturerName, MANUFACTURER_NAME_BYTES, 'manufacturerName')
    .toBytes();
}
