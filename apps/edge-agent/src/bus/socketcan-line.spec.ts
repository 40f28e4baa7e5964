import { describe, expect, it } from 'vitest';
import { formatCansendFrame, parseCandumpLine } from './socketcan-line.js';

// Line shapes from can-utils 2020.11 candump.c (log format with -x), as on Debian 12.
describe('parseCandumpLine (candump -L -x)', () => {
  it('reads a standard frame received from the bus', () => {
    expect(parseCandumpLine('(1700000000.123456) can0 356#021300004A01 R')).toEqual({
      kind: 'frame',
      iface: 'can0',
      frame: { id: 0x356, extended: false, data: Uint8Array.from([0x02, 0x13, 0x00, 0x00, 0x4a, 0x01]) },
    });
  });

  it('reads an extended frame, an empty payload and a line without the -x flag', () => {
    expect(parseCandumpLine('(1700000000.000001)   can1 00004211#A509307500000000 R')).toMatchObject({
      kind: 'frame',
      iface: 'can1',
      frame: { id: 0x4211, extended: true },
    });
    expect(parseCandumpLine('(1700000000.000001) can0 305#')).toMatchObject({
      kind: 'frame',
      frame: { id: 0x305, data: new Uint8Array() },
    });
  });

  it('tells our own looped-back frames (T) apart from bus input', () => {
    expect(parseCandumpLine('(1700000000.000001) can0 00004200#0000000000000000 T')).toMatchObject({
      kind: 'echo',
      frame: { id: 0x4200, extended: true },
    });
  });

  it('ignores CAN FD, remote and error frames', () => {
    expect(parseCandumpLine('(1.000001) can0 123##1112233 R')).toEqual({
      kind: 'ignored',
      reason: 'CAN FD frame',
    });
    expect(parseCandumpLine('(1.000001) can0 123#R R')).toEqual({ kind: 'ignored', reason: 'remote frame' });
    expect(parseCandumpLine('(1.000001) can0 20000004#0000000000000000 R')).toEqual({
      kind: 'ignored',
      reason: 'error frame',
    });
  });

  it('names what is wrong with a line it cannot read, never throwing', () => {
    expect(parseCandumpLine('SIOCGIFINDEX: No such device')).toEqual({
      kind: 'corrupt',
      reason: 'not a candump -L line',
    });
    expect(parseCandumpLine('(1.000001) can0 1234#00 R')).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringMatching(/neither 3 nor 8/),
    });
    expect(parseCandumpLine('(1.000001) can0 123#0 R')).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringMatching(/hex bytes/),
    });
    expect(parseCandumpLine('(1.000001) can0 800#00 R')).toMatchObject({
      kind: 'corrupt',
      reason: expect.stringMatching(/outside/),
    });
    expect(parseCandumpLine('(1.000001) can0 123#000102030405060708 R').kind).toBe('corrupt');
  });
});

describe('formatCansendFrame', () => {
  it('writes 3 hex digits for a standard id and 8 for an extended one', () => {
    expect(formatCansendFrame({ id: 0x305, extended: false, data: new Uint8Array(8) })).toBe(
      '305#0000000000000000',
    );
    expect(formatCansendFrame({ id: 0x4200, extended: true, data: Uint8Array.from([2]) })).toBe(
      '00004200#02',
    );
  });

  it('round-trips through the candump parser', () => {
    const frame = { id: 0x1abcdef, extended: true, data: Uint8Array.from([0xde, 0xad]) };
    expect(parseCandumpLine(`(1.000001) can0 ${formatCansendFrame(frame)} R`)).toMatchObject({
      kind: 'frame',
      frame,
    });
  });
});
