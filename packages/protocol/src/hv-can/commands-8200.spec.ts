// The PCS → BMS commands 0x8200 / 0x8210 / 0x8240 and the reply 0x8250 (protocol reference
// §1.2). No published vector exists; bytes are derived from the values the section lists.
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { chargeDischarge8210 } from './charge-discharge-8210.codec.js';
import { decodeHvCanFrame } from './decode-hv-can-frame.js';
import { encodeHvCanFrame } from './encode-hv-can-frame.js';
import { MASK_COMM_FAILURE_8240 } from './mask-comm-failure-8240.codec.js';
import { maskReply8250 } from './mask-reply-8250.codec.js';
import { sleep8200 } from './sleep-8200.codec.js';

const frame = (id: number, hex: string) => ({ id, extended: true, data: hexToBytes(hex)! });

describe('0x8200 sleep / wake', () => {
  it('names 0x55 and 0xAA, calls anything else no action, and keeps the byte', () => {
    expect(decodeHvCanFrame(frame(0x8203, '5500000000000000'))).toEqual({
      status: 'ok',
      address: 3,
      message: { type: '8200', command: 'enterSleep', commandRaw: 0x55 },
    });
    expect(decodeHvCanFrame(frame(0x8200, 'AA00000000000000'))).toMatchObject({
      message: { command: 'quitSleep' },
    });
    expect(decodeHvCanFrame(frame(0x8200, '0100000000000000'))).toMatchObject({
      message: { command: 'noAction', commandRaw: 1 },
    });
  });

  it('encodes a command to the addressed id', () => {
    const sut = encodeHvCanFrame({ type: '8200', ...sleep8200('quitSleep') }, 5);
    expect({ id: sut.id, data: bytesToHex(sut.data) }).toEqual({ id: 0x8205, data: 'AA00000000000000' });
  });
});

describe('0x8210 charge / discharge command', () => {
  it('reads 0xAA in byte 0 as charge and in byte 1 as discharge', () => {
    expect(decodeHvCanFrame(frame(0x8210, '00AA000000000000'))).toMatchObject({
      message: { type: '8210', chargeCommand: false, dischargeCommand: true, dischargeCommandRaw: 0xaa },
    });
    const sut = encodeHvCanFrame({
      type: '8210',
      ...chargeDischarge8210({ chargeCommand: true, dischargeCommand: false }),
    });
    expect(bytesToHex(sut.data)).toBe('AA00000000000000');
  });
});

describe('0x8240 mask communication failure and 0x8250 reply', () => {
  it('keeps the 0x8240 payload raw because no source gives it a meaning', () => {
    expect(decodeHvCanFrame(frame(0x8241, '0102030405060708'))).toEqual({
      status: 'ok',
      address: 1,
      message: { type: '8240', dataHex: '0102030405060708' },
    });
    expect(encodeHvCanFrame({ type: '8240', ...MASK_COMM_FAILURE_8240 }, 1).id).toBe(0x8241);
    expect(() => encodeHvCanFrame({ type: '8240', dataHex: '00' })).toThrow(RangeError);
  });

  it('decodes accepted, refused and other replies', () => {
    expect(decodeHvCanFrame(frame(0x8252, 'AA00000000000000'))).toMatchObject({
      address: 2,
      message: { type: '8250', reply: 'accepted' },
    });
    expect(decodeHvCanFrame(frame(0x8250, '0000000000000000'))).toMatchObject({
      message: { reply: 'refused' },
    });
    expect(decodeHvCanFrame(frame(0x8250, '5500000000000000'))).toMatchObject({
      message: { reply: 'other', replyRaw: 0x55 },
    });
    expect(bytesToHex(encodeHvCanFrame({ type: '8250', ...maskReply8250(false) }).data)).toBe(
      '0000000000000000',
    );
  });

  it('calls a short command corrupt, naming the id', () => {
    expect(decodeHvCanFrame(frame(0x8200, '55'))).toEqual({
      status: 'corrupt',
      reason: '0x8200: 0x8200: expected 8 data bytes, got 1',
    });
  });
});
