// 0x96 "get software version" response INFO (protocol reference §3.6): command value, 2 bytes
// manufacturer version, 3 bytes main-line version. Kept as the numbers sent; how a vendor
// prints them (e.g. "V2.3", "0.6.5") is not documented.
import type { DecodeResult } from '../bytes/decode-result.js';
import { finishInfo } from './finish-info.js';
import { InfoReader, InfoWriter } from './info-reader.js';

export interface SoftwareVersion96 {
  commandValue: number;
  manufacturerVersion: number;
  mainLineVersion: number;
}

export function decodeSoftwareVersion96(info: Uint8Array): DecodeResult<SoftwareVersion96> {
  const r = new InfoReader(info);
  return finishInfo(r, '0x96', {
    commandValue: r.u8(),
    manufacturerVersion: r.u16(),
    mainLineVersion: r.u24(),
  });
}

export function encodeSoftwareVersion96(v: SoftwareVersion96): Uint8Array {
  return new InfoWriter()
    .u8(v.commandValue, 'commandValue')
    .u16(v.manufacturerVersion, 'manufacturerVersion')
    .u24(v.mainLineVersion, 'mainLineVersion')
    .toBytes();
}
