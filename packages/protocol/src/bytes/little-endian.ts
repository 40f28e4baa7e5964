// Byte access for fixed-layout CAN payloads. Readers assume the caller checked the length;
// writers refuse values that do not fit, naming the field, because silently wrapping a value
// would put a wrong number on the bus.

export function readU8(data: Uint8Array, offset: number): number {
  return data[offset] ?? 0;
}

export function readU16LE(data: Uint8Array, offset: number): number {
  return (data[offset] ?? 0) | ((data[offset + 1] ?? 0) << 8);
}

function checkRange(value: number, max: number, field: string): void {
  if (!Number.isInteger(value) || value < 0 || value > max) {
    throw new RangeError(`${field} = ${value} does not fit in 0..${max}`);
  }
}

export function writeU8(data: Uint8Array, offset: number, value: number, field: string): void {
  checkRange(value, 0xff, field);
  data[offset] = value;
}

export function writeU16LE(data: Uint8Array, offset: number, value: number, field: string): void {
  checkRange(value, 0xffff, field);
  data[offset] = value & 0xff;
  data[offset + 1] = value >> 8;
}
