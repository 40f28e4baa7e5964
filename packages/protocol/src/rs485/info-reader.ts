// Big-endian access to an RS485 INFO field (protocol reference §3.1: numbers high byte first,
// signed values two's complement). The reader never throws: reading past the end sets
// `short` and yields 0, so a decoder checks once at the end instead of at every field.

export class InfoReader {
  private offset = 0;
  /** Set when a read went past the end of INFO. */
  short = false;

  constructor(private readonly data: Uint8Array) {}

  get remaining(): number {
    return Math.max(0, this.data.length - this.offset);
  }

  get position(): number {
    return this.offset;
  }

  u8(): number {
    return this.take(1);
  }

  u16(): number {
    return this.take(2);
  }

  s16(): number {
    const value = this.take(2);
    return value >= 0x8000 ? value - 0x10000 : value;
  }

  u24(): number {
    return this.take(3);
  }

  /** Bytes as Latin-1 text, trailing NULs removed (names are NUL-padded to a fixed width). */
  ascii(length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) {
      out += String.fromCharCode(this.take(1));
    }
    return out.replace(/\0+$/, '');
  }

  bytes(length: number): number[] {
    const out: number[] = [];
    for (let i = 0; i < length; i += 1) {
      out.push(this.take(1));
    }
    return out;
  }

  private take(size: number): number {
    if (this.offset + size > this.data.length) {
      this.offset = this.data.length;
      this.short = true;
      return 0;
    }
    let value = 0;
    for (let i = 0; i < size; i += 1) {
      value = value * 256 + (this.data[this.offset + i] ?? 0);
    }
    this.offset += size;
    return value;
  }
}

/** Collects INFO bytes; refuses a value that does not fit, naming the field. */
export class InfoWriter {
  private readonly out: number[] = [];

  u8(value: number, field: string): this {
    return this.put(value, 1, 0, 0xff, field);
  }

  u16(value: number, field: string): this {
    return this.put(value, 2, 0, 0xffff, field);
  }

  s16(value: number, field: string): this {
    if (!Number.isInteger(value) || value < -0x8000 || value > 0x7fff) {
      throw new RangeError(`${field} = ${value} does not fit in a signed 16-bit value`);
    }
    return this.put(value & 0xffff, 2, 0, 0xffff, field);
  }

  u24(value: number, field: string): this {
    return this.put(value, 3, 0, 0xffffff, field);
  }

  /** Latin-1 text NUL-padded to `length` bytes. */
  ascii(text: string, length: number, field: string): this {
    if (text.length > length || [...text].some((c) => c.charCodeAt(0) > 0xff)) {
      throw new RangeError(`${field} "${text}" does not fit in ${length} single-byte characters`);
    }
    for (let i = 0; i < length; i += 1) {
      this.out.push(i < text.length ? text.charCodeAt(i) : 0);
    }
    return this;
  }

  bytes(values: readonly number[], field: string): this {
    for (const value of values) {
      this.u8(value, field);
    }
    return this;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.out);
  }

  private put(value: number, size: number, min: number, max: number, field: string): this {
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`${field} = ${value} does not fit in ${size * 8} bits`);
    }
    for (let i = size - 1; i >= 0; i -= 1) {
      this.out.push(Math.floor(value / 256 ** i) & 0xff);
    }
    return this;
  }
}
