// 0x4220 (+address) — cut-off voltages and current limits. Protocol reference §1.4.2.
// ⚠ Bytes 6-7 (max discharge current) have two conventions in the wild: "standard"
// raw = 30000 − 10·I and "positive" raw = 30000 + 10·I. The robust reading is
// abs(raw − 30000); the raw word is kept beside it and is what the encoder writes, so a frame
// round-trips byte for byte and the convention can be re-decided later.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU16LE, writeU16LE } from '../bytes/little-endian.js';
import { CURRENT_OFFSET_DA, currentDaFromRaw, currentDaToRaw } from './hv-can-scaling.js';

export type DischargeLimitConvention = 'standard' | 'positive' | 'zero';

export interface Limits4220 {
  chargeCutoffDv: number;
  dischargeCutoffDv: number;
  chargeLimitDa: number;
  /** abs(raw − 30000): the limit as a magnitude whatever the sender's convention. */
  dischargeLimitDa: number;
  /** The u16 as received; the encoder writes this, not `dischargeLimitDa`. */
  dischargeLimitRaw: number;
  /** Which convention the raw word implies (below 30000 = standard, above = positive). */
  dischargeLimitConvention: DischargeLimitConvention;
}

function conventionOf(raw: number): DischargeLimitConvention {
  if (raw === CURRENT_OFFSET_DA) {
    return 'zero';
  }
  return raw < CURRENT_OFFSET_DA ? 'standard' : 'positive';
}

/** Builds the message from magnitudes, encoding the discharge limit in the given convention. */
export function limits4220(
  value: Pick<Limits4220, 'chargeCutoffDv' | 'dischargeCutoffDv' | 'chargeLimitDa' | 'dischargeLimitDa'>,
  convention: Exclude<DischargeLimitConvention, 'zero'> = 'standard',
): Limits4220 {
  const sign = convention === 'standard' ? -1 : 1;
  const dischargeLimitRaw = CURRENT_OFFSET_DA + sign * value.dischargeLimitDa;
  return { ...value, dischargeLimitRaw, dischargeLimitConvention: conventionOf(dischargeLimitRaw) };
}

export function decodeLimits4220(data: Uint8Array): DecodeResult<Limits4220> {
  return withLength(data, 8, '0x4220', (d) => {
    const dischargeLimitRaw = readU16LE(d, 6);
    return {
      chargeCutoffDv: readU16LE(d, 0),
      dischargeCutoffDv: readU16LE(d, 2),
      chargeLimitDa: currentDaFromRaw(readU16LE(d, 4)),
      dischargeLimitDa: Math.abs(dischargeLimitRaw - CURRENT_OFFSET_DA),
      dischargeLimitRaw,
      dischargeLimitConvention: conventionOf(dischargeLimitRaw),
    };
  });
}

export function encodeLimits4220(value: Limits4220): Uint8Array {
  const data = new Uint8Array(8);
  writeU16LE(data, 0, value.chargeCutoffDv, 'chargeCutoffDv');
  writeU16LE(data, 2, value.dischargeCutoffDv, 'dischargeCutoffDv');
  writeU16LE(data, 4, currentDaToRaw(value.chargeLimitDa), 'chargeLimitDa');
  writeU16LE(data, 6, value.dischargeLimitRaw, 'dischargeLimitRaw');
  return data;
}
