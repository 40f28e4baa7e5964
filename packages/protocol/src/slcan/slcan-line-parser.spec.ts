import { describe, expect, it } from 'vitest';
import { hexToBytes } from '../bytes/hex.js';
import { encodeSlcanCommand, encodeSlcanFrame } from './encode-slcan.js';
import { SlcanLineParser } from './slcan-line-parser.js';

const poll = { id: 0x4200, extended: true, data: hexToBytes('0000000000000000')! };

describe('SLCAN encoding', () => {
  it('writes extended and standard frames in Lawicel form', () => {
    expect(encodeSlcanFrame(poll)).toBe('T0000420080000000000000000\r');
    expect(encodeSlcanFrame({ id: 0x356, extended: false, data: hexToBytes('7A13F2FE6B01')! })).toBe(
      't35667A13F2FE6B01\r',
    );
    expect(encodeSlcanFrame({ id: 0x7ff, extended: false, data: new Uint8Array() })).toBe('t7FF0\r');
  });

  it('writes the adapter commands', () => {
    expect(encodeSlcanCommand({ kind: 'bitrate', code: 6, bitsPerSecond: 500_000 })).toBe('S6\r');
    expect(['open', 'close', 'version'].map((kind) => encodeSlcanCommand({ kind } as never))).toEqual([
      'O\r',
      'C\r',
      'V\r',
    ]);
  });

  it('refuses a frame that cannot exist on the bus', () => {
    expect(() => encodeSlcanFrame({ id: 0x800, extended: false, data: new Uint8Array() })).toThrow(
      RangeError,
    );
    expect(() => encodeSlcanFrame({ id: 1, extended: true, data: new Uint8Array(9) })).toThrow(RangeError);
  });
});

describe('SlcanLineParser', () => {
  it('decodes a frame split over several chunks', () => {
    const sut = new SlcanLineParser();
    expect(sut.push('T00004')).toEqual([]);
    expect(sut.push('2118A50930')).toEqual([]);
    expect(sut.push(new TextEncoder().encode('759D042E64\r'))).toEqual([
      { kind: 'frame', frame: { id: 0x4211, extended: true, data: hexToBytes('A50930759D042E64') } },
    ]);
    expect(sut.pending).toBe(0);
  });

  it('decodes several lines from one chunk, commands and replies alike', () => {
    const sut = new SlcanLineParser();
    expect(sut.push('C\rS6\rO\r\rZ\rt1232ABCD\x07V1013\r')).toEqual([
      { kind: 'command', command: { kind: 'close' } },
      { kind: 'command', command: { kind: 'bitrate', code: 6, bitsPerSecond: 500_000 } },
      { kind: 'command', command: { kind: 'open' } },
      { kind: 'ack', of: 'command' },
      { kind: 'ack', of: 'transmit' },
      { kind: 'corrupt', reason: 'unterminated line before BEL', line: 't1232ABCD' },
      { kind: 'error' },
      { kind: 'ack', of: 'version', version: '1013' },
    ]);
  });

  it('turns garbage into corrupt results and resynchronises on the next terminator', () => {
    const sut = new SlcanLineParser();
    const results = sut.push('\xff\x00junk\rT1234\rt1232AA\rX\rT000042118A50930759D042E64\r');
    expect(results.map((r) => r.kind)).toEqual(['corrupt', 'corrupt', 'corrupt', 'corrupt', 'frame']);
    expect(results.slice(0, 4).map((r) => (r.kind === 'corrupt' ? r.reason : ''))).toEqual([
      'line contains non-printable bytes',
      'frame id must be 8 hex digits',
      'frame declares 2 data bytes but carries 2 hex digits',
      'unknown SLCAN line',
    ]);
  });

  it('discards an over-long line without growing its buffer', () => {
    const sut = new SlcanLineParser(32);
    expect(sut.push('A'.repeat(10_000))).toEqual([]);
    expect(sut.pending).toBeLessThanOrEqual(32);
    expect(sut.push('\rO\r')).toEqual([
      { kind: 'corrupt', reason: 'line longer than 32 characters', line: 'A'.repeat(32) },
      { kind: 'command', command: { kind: 'open' } },
    ]);
  });

  it('rejects out-of-range ids, bad DLC digits and remote frames', () => {
    const sut = new SlcanLineParser();
    const reasons = sut
      .push('T2000000080000000000000000\rt80000\rT000042109\rr1230\r')
      .map((r) => (r.kind === 'corrupt' ? r.reason : r.kind));
    expect(reasons).toEqual([
      'frame id 0x20000000 is out of range',
      'frame id 0x800 is out of range',
      'frame length digit "9" is not 0..8',
      'remote (RTR) frames are not supported',
    ]);
  });

  it('accepts a trailing 4-digit timestamp and ignores LF', () => {
    const sut = new SlcanLineParser();
    expect(sut.push('t1231AA1F40\r\n')).toEqual([
      {
        kind: 'frame',
        frame: { id: 0x123, extended: false, data: new Uint8Array([0xaa]) },
        timestamp: 0x1f40,
      },
    ]);
  });
});
