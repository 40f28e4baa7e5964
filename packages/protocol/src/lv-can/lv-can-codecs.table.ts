// The LV "Pylon" CAN device map as data: message type → 11-bit id, codec and signal
// definitions (protocol reference §2). Ids carry no address: one battery (stack) per bus.
import type { DecodeResult } from '../bytes/decode-result.js';
import type { CanMessageDefinition } from '../dbc/can-signal.js';
import { ALARMS_35A, decodeAlarms35A, encodeAlarms35A } from './alarms-35a.codec.js';
import { BATTERY_356, decodeBattery356, encodeBattery356 } from './battery-356.codec.js';
import { BATTERY_INFO_35F, decodeBatteryInfo35F, encodeBatteryInfo35F } from './battery-info-35f.codec.js';
import { decodeFlags359, encodeFlags359, FLAGS_359 } from './flags-359.codec.js';
import { decodeKeepAlive305, encodeKeepAlive305, KEEP_ALIVE_305_MESSAGE } from './keep-alive-305.codec.js';
import { decodeLimits351, encodeLimits351, LIMITS_351 } from './limits-351.codec.js';
import type { LvCanMessageType, LvCanValues } from './lv-can-message.js';
import { decodeManufacturer35E, encodeManufacturer35E, MANUFACTURER_35E } from './manufacturer-35e.codec.js';
import { decodeRequests35C, encodeRequests35C, REQUESTS_35C } from './requests-35c.codec.js';
import { decodeSocSoh355, encodeSocSoh355, SOC_SOH_355 } from './soc-soh-355.codec.js';

export interface LvCanCodec<T> {
  id: number;
  definition: CanMessageDefinition;
  decode(data: Uint8Array): DecodeResult<T>;
  encode(value: T): Uint8Array;
}

export const LV_CAN_CODECS: { [K in LvCanMessageType]: LvCanCodec<LvCanValues[K]> } = {
  '305': {
    id: 0x305,
    definition: KEEP_ALIVE_305_MESSAGE,
    decode: decodeKeepAlive305,
    encode: encodeKeepAlive305,
  },
  '351': { id: 0x351, definition: LIMITS_351, decode: decodeLimits351, encode: encodeLimits351 },
  '355': { id: 0x355, definition: SOC_SOH_355, decode: decodeSocSoh355, encode: encodeSocSoh355 },
  '356': { id: 0x356, definition: BATTERY_356, decode: decodeBattery356, encode: encodeBattery356 },
  '359': { id: 0x359, definition: FLAGS_359, decode: decodeFlags359, encode: encodeFlags359 },
  '35A': { id: 0x35a, definition: ALARMS_35A, decode: decodeAlarms35A, encode: encodeAlarms35A },
  '35C': { id: 0x35c, definition: REQUESTS_35C, decode: decodeRequests35C, encode: encodeRequests35C },
  '35E': {
    id: 0x35e,
    definition: MANUFACTURER_35E,
    decode: decodeManufacturer35E,
    encode: encodeManufacturer35E,
  },
  '35F': {
    id: 0x35f,
    definition: BATTERY_INFO_35F,
    decode: decodeBatteryInfo35F,
    encode: encodeBatteryInfo35F,
  },
};

/** What a Pylontech LV battery broadcasts every cycle (older firmware), in id order. */
export const LV_BROADCAST_TYPES = ['351', '355', '356', '359', '35C', '35E'] as const;
