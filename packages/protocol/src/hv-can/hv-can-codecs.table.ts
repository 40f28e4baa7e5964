// The HV CAN device map as data: message type → CAN id, whether the BMS address sits in the
// low nibble, and its codec. Protocol reference §1.2 (addressing) and §1.4 (layouts).
// Adding a message is one file plus one row here.
import type { DecodeResult } from '../bytes/decode-result.js';
import { decodeCellTempExtremes4240, encodeCellTempExtremes4240 } from './cell-temp-extremes-4240.codec.js';
import {
  decodeCellVoltageExtremes4230,
  encodeCellVoltageExtremes4230,
} from './cell-voltage-extremes-4230.codec.js';
import { decodeChargeDischarge8210, encodeChargeDischarge8210 } from './charge-discharge-8210.codec.js';
import { decodeComposition7320, encodeComposition7320 } from './composition-7320.codec.js';
import { decodeFaultExtension4290, encodeFaultExtension4290 } from './fault-extension-4290.codec.js';
import { decodeForbiddenMarks4280, encodeForbiddenMarks4280 } from './forbidden-marks-4280.codec.js';
import type { HvCanMessageType, HvCanValues } from './hv-can-message.js';
import { decodeLimits4220, encodeLimits4220 } from './limits-4220.codec.js';
import { decodeManufacturerName7330, encodeManufacturerName7330 } from './manufacturer-name-7330.codec.js';
import { decodeMaskCommFailure8240, encodeMaskCommFailure8240 } from './mask-comm-failure-8240.codec.js';
import { decodeMaskReply8250, encodeMaskReply8250 } from './mask-reply-8250.codec.js';
import {
  decodeModuleTempExtremes4270,
  encodeModuleTempExtremes4270,
} from './module-temp-extremes-4270.codec.js';
import {
  decodeModuleVoltageExtremes4260,
  encodeModuleVoltageExtremes4260,
} from './module-voltage-extremes-4260.codec.js';
import { decodePack4210, encodePack4210 } from './pack-4210.codec.js';
import { decodeRequest4200, encodeRequest4200 } from './request-4200.codec.js';
import { decodeSleep8200, encodeSleep8200 } from './sleep-8200.codec.js';
import { decodeStatus4250, encodeStatus4250 } from './status-4250.codec.js';
import { decodeVersions7310, encodeVersions7310 } from './versions-7310.codec.js';

export interface HvCanCodec<T> {
  /** CAN id with address 0. */
  baseId: number;
  /** true: id = baseId + BMS address (0..15); false: the exact id, no address (broadcast). */
  addressed: boolean;
  decode(data: Uint8Array): DecodeResult<T>;
  encode(value: T): Uint8Array;
}

export const HV_CAN_CODECS: { [K in HvCanMessageType]: HvCanCodec<HvCanValues[K]> } = {
  '4200': { baseId: 0x4200, addressed: false, decode: decodeRequest4200, encode: encodeRequest4200 },
  '4210': { baseId: 0x4210, addressed: true, decode: decodePack4210, encode: encodePack4210 },
  '4220': { baseId: 0x4220, addressed: true, decode: decodeLimits4220, encode: encodeLimits4220 },
  '4230': {
    baseId: 0x4230,
    addressed: true,
    decode: decodeCellVoltageExtremes4230,
    encode: encodeCellVoltageExtremes4230,
  },
  '4240': {
    baseId: 0x4240,
    addressed: true,
    decode: decodeCellTempExtremes4240,
    encode: encodeCellTempExtremes4240,
  },
  '4250': { baseId: 0x4250, addressed: true, decode: decodeStatus4250, encode: encodeStatus4250 },
  '4260': {
    baseId: 0x4260,
    addressed: true,
    decode: decodeModuleVoltageExtremes4260,
    encode: encodeModuleVoltageExtremes4260,
  },
  '4270': {
    baseId: 0x4270,
    addressed: true,
    decode: decodeModuleTempExtremes4270,
    encode: encodeModuleTempExtremes4270,
  },
  '4280': {
    baseId: 0x4280,
    addressed: true,
    decode: decodeForbiddenMarks4280,
    encode: encodeForbiddenMarks4280,
  },
  '4290': {
    baseId: 0x4290,
    addressed: true,
    decode: decodeFaultExtension4290,
    encode: encodeFaultExtension4290,
  },
  '7310': { baseId: 0x7310, addressed: true, decode: decodeVersions7310, encode: encodeVersions7310 },
  '7320': { baseId: 0x7320, addressed: true, decode: decodeComposition7320, encode: encodeComposition7320 },
  '7330': {
    baseId: 0x7330,
    addressed: true,
    decode: decodeManufacturerName7330,
    encode: encodeManufacturerName7330,
  },
  '7340': {
    baseId: 0x7340,
    addressed: true,
    decode: decodeManufacturerName7330,
    encode: encodeManufacturerName7330,
  },
  // Commands PCS → BMS and the one command reply (§1.2): addressed like the replies.
  '8200': { baseId: 0x8200, addressed: true, decode: decodeSleep8200, encode: encodeSleep8200 },
  '8210': {
    baseId: 0x8210,
    addressed: true,
    decode: decodeChargeDischarge8210,
    encode: encodeChargeDischarge8210,
  },
  '8240': {
    baseId: 0x8240,
    addressed: true,
    decode: decodeMaskCommFailure8240,
    encode: encodeMaskCommFailure8240,
  },
  '8250': { baseId: 0x8250, addressed: true, decode: decodeMaskReply8250, encode: encodeMaskReply8250 },
};

/** Reply bursts of the two polls, in the order a BMS sends them (protocol reference §1.2). */
export const ENSEMBLE_REPLY_TYPES = [
  '4210',
  '4220',
  '4230',
  '4240',
  '4250',
  '4260',
  '4270',
  '4280',
  '4290',
] as const;
export const SYSTEM_REPLY_TYPES = ['7310', '7320', '7330', '7340'] as const;
