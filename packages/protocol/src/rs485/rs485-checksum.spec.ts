import { describe, expect, it } from 'vitest';
import { decodeRs485Frame } from './decode-rs485-frame.js';
import { encodeRs485Frame } from './encode-rs485-frame.js';
import { frameChecksum, lengthChecksum, lengthWord } from './rs485-checksum.js';

describe('RS485 checksums', () => {
  it('reproduces the PDF worked example: LENID 18 → LENGTH D012', () => {
    expect(lengthWord(18).toString(16).toUpperCase()).toBe('D012');
  });

  it('gives LENGTH 0000 for an empty INFO', () => {
    expect(lengthWord(0)).toBe(0);
  });

  it('keeps LCHKSUM to one nibble when the nibble sum is a multiple of 16 (the §3.2 pitfall)', () => {
    // 0x0F1: nibbles 0 + 15 + 1 = 16 → LCHKSUM 0, not 16 (which would make a 5-digit LENGTH).
    expect(lengthChecksum(0x0f1)).toBe(0);
    expect(lengthWord(0x0f1).toString(16).padStart(4, '0')).toBe('00f1');
    // 0x110: nibble sum 2 → LCHKSUM 0xE, as a frame of 0x88 INFO bytes shows on the wire.
    const text = encodeRs485Frame({ ver: 0x20, adr: 2, cid1: 0x46, cid2: 0, info: new Uint8Array(0x88) });
    expect(text.slice(9, 13)).toBe('E110');
  });

  it('computes the CHKSUM of a real frame (R6: reply to 0x4F)', () => {
    expect(frameChecksum('200246000000').toString(16).toUpperCase()).toBe('FDB2');
  });

  it('round-trips a frame whose LENID nibbles sum to exactly 32', () => {
    // LENID 0xFF2 (nibbles 15 + 15 + 2 = 32): LCHKSUM 0, the case a "16 − sum" encoder gets wrong.
    const frame = { ver: 0x20, adr: 3, cid1: 0x46, cid2: 0, info: new Uint8Array(0xff2 / 2).fill(0x5a) };
    const text = encodeRs485Frame(frame);
    expect(text.slice(9, 13)).toBe('0FF2');
    expect(decodeRs485Frame(text)).toEqual({ status: 'ok', frame });
  });
});
