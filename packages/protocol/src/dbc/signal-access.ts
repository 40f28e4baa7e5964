// Reading and writing one signal of a payload, and converting between the raw integer on the
// wire and the codec's field. Codec fields are integers in the unit of the signal's scale
// (0.1 V → `…Dv`), so field = raw + offset / scale, and the physical value a DBC tool shows
// is field · scale. Readers assume the caller checked the payload length.
import type { CanSignal } from './can-signal.js';

function firstBit(signal: CanSignal): number {
  return signal.startByte * 8 + (signal.startBit ?? 0);
}

/** The raw integer of a little-endian signal (two's complement when signed). Up to 32 bits. */
export function readSignalRaw(data: Uint8Array, signal: CanSignal): number {
  const start = firstBit(signal);
  let value = 0;
  let weight = 1;
  for (let i = 0; i < signal.bits; i += 1) {
    const bit = start + i;
    if (((data[bit >> 3] ?? 0) >> (bit & 7)) & 1) {
      value += weight;
    }
    weight *= 2;
  }
  if (signal.signed && value >= weight / 2) {
    value -= weight;
  }
  return value;
}

/** Writes a raw integer, refusing (RangeError naming `what`) a value that does not fit. */
export function writeSignalRaw(data: Uint8Array, signal: CanSignal, raw: number, what: string): void {
  const span = 2 ** signal.bits;
  const min = signal.signed ? -span / 2 : 0;
  const max = signal.signed ? span / 2 - 1 : span - 1;
  if (!Number.isInteger(raw) || raw < min || raw > max) {
    throw new RangeError(`${what} = ${raw} does not fit in ${min}..${max}`);
  }
  let value = raw < 0 ? raw + span : raw;
  const start = firstBit(signal);
  for (let i = 0; i < signal.bits; i += 1) {
    const bit = start + i;
    const mask = 1 << (bit & 7);
    const byte = data[bit >> 3] ?? 0;
    data[bit >> 3] = value % 2 === 1 ? byte | mask : byte & ~mask;
    value = Math.floor(value / 2);
  }
}

/** The offset in field units (−3000 A at 0.1 A → −30000). */
export function fieldOffset(signal: CanSignal): number {
  return Math.round(signal.offset / signal.scale);
}

export function readNumberField(data: Uint8Array, signal: CanSignal): number {
  return readSignalRaw(data, signal) + fieldOffset(signal);
}

export function writeNumberField(data: Uint8Array, signal: CanSignal, value: number, what: string): void {
  writeSignalRaw(data, signal, value - fieldOffset(signal), what);
}

export function readFlag(data: Uint8Array, signal: CanSignal): boolean {
  return readSignalRaw(data, signal) !== 0;
}

/** The physical value a DBC tool computes for the raw integer. */
export function physicalOf(signal: CanSignal, raw: number): number {
  return raw * signal.scale + signal.offset;
}
