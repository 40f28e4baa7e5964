import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { decodeLvCanFrame } from './decode-lv-can-frame.js';
import { encodeLvCanFrame } from './encode-lv-can-frame.js';
import { flags359 } from './flags-359.codec.js';
import { KEEP_ALIVE_305 } from './keep-alive-305.codec.js';
import { requests35C } from './requests-35c.codec.js';

const frame = (id: number, hex: string, extended = false) => ({ id, extended, data: hexToBytes(hex)! });

describe('decodeLvCanFrame', () => {
  it('calls an extended id corrupt, an unknown id unknown and a wrong DLC corrupt', () => {
    expect(decodeLvCanFrame(frame(0x356, '021300004A01', true))).toMatchObject({ status: 'corrupt' });
    expect(decodeLvCanFrame(frame(0x35b, '00'))).toEqual({ status: 'unknown', id: 0x35b });
    expect(decodeLvCanFrame(frame(0x356, '0213'))).toEqual({
      status: 'corrupt',
      reason: '0x0356: 0x356: expected 6 data bytes, got 2',
    });
    expect(decodeLvCanFrame(frame(0x351, '14027400'))).toMatchObject({ status: 'corrupt' });
  });

  it('decodes the 6-byte 0x351 without a discharge voltage limit and writes it back', () => {
    const sut = decodeLvCanFrame(frame(0x351, '1402740E740E'));
    expect(sut).toMatchObject({ status: 'ok', message: { dischargeVoltageLimitDv: null } });
    expect(sut.status === 'ok' && bytesToHex(encodeLvCanFrame(sut.message).data)).toBe('1402740E740E');
  });

  it('decodes a negative discharge current limit as sent (⚠ §2.2)', () => {
    expect(decodeLvCanFrame(frame(0x351, '1402740E9CFFCC01'))).toMatchObject({
      message: { dischargeCurrentLimitDa: -100 },
    });
  });

  it('keeps the 0x305 keep-alive raw whatever it carries', () => {
    expect(decodeLvCanFrame(frame(0x305, '2100000000000000'))).toEqual({
      status: 'ok',
      message: { type: '305', dataHex: '2100000000000000' },
    });
    expect(bytesToHex(encodeLvCanFrame({ type: '305', ...KEEP_ALIVE_305 }).data)).toBe('0000000000000000');
  });
});

describe('0x359 flags', () => {
  it('decodes the ⚠ system-error bit both ways and prefers bit 3', () => {
    // protection byte 1 = 0x08 (bit 3), alarm byte 3 = 0x80 (bit 7)
    const sut = decodeLvCanFrame(frame(0x359, '000800800A504E'));
    expect(sut).toMatchObject({
      message: {
        protectionRaw: 0x0800,
        alarmRaw: 0x8000,
        protections: { systemErrorBit3: true, systemErrorBit7: false },
        alarms: { internalCommFailureBit3: false, internalCommFailureBit7: true },
        systemError: true,
        internalCommFailure: false,
      },
    });
  });

  it('names every documented bit', () => {
    const sut = decodeLvCanFrame(frame(0x359, '9E019E0101504E'));
    expect(sut).toMatchObject({
      message: {
        protections: {
          cellOverVoltage: true,
          cellUnderVoltage: true,
          cellOverTemperature: true,
          cellUnderTemperature: true,
          dischargeOverCurrent: true,
          chargeOverCurrent: true,
        },
        alarms: {
          cellHighVoltage: true,
          cellLowVoltage: true,
          cellHighTemperature: true,
          cellLowTemperature: true,
          dischargeHighCurrent: true,
          chargeHighCurrent: true,
        },
      },
    });
  });

  it('builds a frame from named flags with either reading of the conflicting bit', () => {
    const bit3 = flags359({ protections: { cellOverVoltage: true }, systemError: true, moduleCount: 5 });
    expect(bytesToHex(encodeLvCanFrame({ type: '359', ...bit3 }).data)).toBe('02080000055' + '04E');
    const bit7 = flags359({ internalCommFailure: true, moduleCount: 5, conflictBit: 7 });
    expect(bytesToHex(encodeLvCanFrame({ type: '359', ...bit7 }).data)).toBe('0000008005504E');
  });
});

describe('0x35C requests', () => {
  it('builds and decodes the request flags', () => {
    const value = requests35C({ chargeEnable: true, forceChargeI: true, fullChargeRequest: true });
    expect(value.requestRaw).toBe(0xa8);
    expect(bytesToHex(encodeLvCanFrame({ type: '35C', ...value }).data)).toBe('A800');
  });
});
