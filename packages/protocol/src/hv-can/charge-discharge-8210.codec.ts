// 0x8210 (+address) — PCS → BMS charge / discharge command, no reply. Protocol reference §1.2
// (✔✔): byte0 0xAA = "charge command" (close the relay while in under-voltage protection),
// byte1 0xAA = "discharge command" (close it while in over-voltage protection), anything else
// = no action. The battery must be awake first (0x8200).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export const COMMAND_EFFECT = 0xaa;

export interface ChargeDischarge8210 {
  chargeCommand: boolean;
  dischargeCommand: boolean;
  /** Bytes as received; the encoder writes these. */
  chargeCommandRaw: number;
  dischargeCommandRaw: number;
}

export function chargeDischarge8210(value: { chargeCommand: boolean; dischargeCommand: boolean }) {
  return {
    ...value,
    chargeCommandRaw: value.chargeCommand ? COMMAND_EFFECT : 0,
    dischargeCommandRaw: value.dischargeCommand ? COMMAND_EFFECT : 0,
  } satisfies ChargeDischarge8210;
}

export function decodeChargeDischarge8210(data: Uint8Array): DecodeResult<ChargeDischarge8210> {
  return withLength(data, 8, '0x8210', (d) => ({
    chargeCommand: readU8(d, 0) === COMMAND_EFFECT,
    dischargeCommand: readU8(d, 1) === COMMAND_EFFECT,
    chargeCommandRaw: readU8(d, 0),
    dischargeCommandRaw: readU8(d, 1),
  }));
}

export function encodeChargeDischarge8210(value: ChargeDischarge8210): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.chargeCommandRaw, 'chargeCommandRaw');
  writeU8(data, 1, value.dischargeCommandRaw, 'dischargeCommandRaw');
  return data;
}
