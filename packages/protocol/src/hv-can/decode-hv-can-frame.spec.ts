import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes/hex.js';
import { decodeHvCanFrame } from './decode-hv-can-frame.js';
import { encodeHvCanFrame } from './encode-hv-can-frame.js';
import { hvReplyAddress } from './hv-can-ids.js';

const data = hexToBytes('A50930759D042E64')!;

describe('decodeHvCanFrame', () => {
  it('takes the BMS address from the low nibble of a reply id', () => {
    expect(decodeHvCanFrame({ id: 0x4213, extended: true, data })).toMatchObject({
      status: 'ok',
      address: 3,
      message: { type: '4210', packVoltageDv: 2469 },
    });
  });

  it('calls a standard (11-bit) frame corrupt even when its number matches', () => {
    expect(decodeHvCanFrame({ id: 0x421, extended: false, data })).toMatchObject({ status: 'corrupt' });
  });

  it('calls a wrong DLC corrupt and names the id', () => {
    expect(decodeHvCanFrame({ id: 0x4221, extended: true, data: data.slice(0, 7) })).toEqual({
      status: 'corrupt',
      reason: '0x4221: 0x4220: expected 8 data bytes, got 7',
    });
  });

  it('reports ids outside the table as unknown, including vendor extras and 0x4201', () => {
    for (const id of [0x42a0, 0x4201, 0x5000, 0x1fffffff]) {
      expect(decodeHvCanFrame({ id, extended: true, data })).toEqual({ status: 'unknown', id });
    }
  });
});

describe('encodeHvCanFrame', () => {
  it('adds the address to reply ids but not to the broadcast request', () => {
    const reply = encodeHvCanFrame({ type: '4290', faultExtensionRaw: 0 }, 0xf);
    expect(reply.id).toBe(0x429f);
    expect(encodeHvCanFrame({ type: '4200', kind: 'ensemble', requestCode: 0 }, 5).id).toBe(0x4200);
  });

  it('refuses an address outside 0..15', () => {
    expect(() => encodeHvCanFrame({ type: '4290', faultExtensionRaw: 0 }, 16)).toThrow(RangeError);
  });
});

describe('hvReplyAddress', () => {
  it('recognises reply-burst ids, vendor extras included, and nothing else', () => {
    expect(hvReplyAddress({ id: 0x4212, extended: true, data })).toBe(2);
    expect(hvReplyAddress({ id: 0x42a1, extended: true, data })).toBe(1);
    expect(hvReplyAddress({ id: 0x7345, extended: true, data })).toBe(5);
    expect(hvReplyAddress({ id: 0x4200, extended: true, data })).toBeUndefined();
    expect(hvReplyAddress({ id: 0x4212, extended: false, data })).toBeUndefined();
    expect(hvReplyAddress({ id: 0x356, extended: false, data })).toBeUndefined();
  });
});
