// Codecs without a published vector (0x4250, 0x4260, 0x4270, 0x4290, 0x7330/0x7340) get
// hand-computed bytes here, derived from the layouts of protocol reference §1.4; the others
// get edge values beside their golden vectors in test/hv-can-vectors.spec.ts.
import { describe, expect, it } from 'vitest';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';
import { decodeCellTempExtremes4240 } from './cell-temp-extremes-4240.codec.js';
import { decodeFaultExtension4290, encodeFaultExtension4290 } from './fault-extension-4290.codec.js';
import { decodeLimits4220, encodeLimits4220, limits4220 } from './limits-4220.codec.js';
import { decodeManufacturerName7330, encodeManufacturerName7330 } from './manufacturer-name-7330.codec.js';
import {
  decodeModuleTempExtremes4270,
  encodeModuleTempExtremes4270,
} from './module-temp-extremes-4270.codec.js';
import {
  decodeModuleVoltageExtremes4260,
  encodeModuleVoltageExtremes4260,
} from './module-voltage-extremes-4260.codec.js';
import { decodePack4210, encodePack4210 } from './pack-4210.codec.js';
import { decodeRequest4200, encodeRequest4200, request4200 } from './request-4200.codec.js';
import { decodeStatus4250, encodeStatus4250, statusByteOf } from './status-4250.codec.js';

const bytes = (hex: string) => hexToBytes(hex.replaceAll(' ', ''))!;

describe('0x4200 request', () => {
  it('names the three documented polls and keeps any other code raw', () => {
    expect(decodeRequest4200(bytes('00 00 00 00 00 00 00 00'))).toEqual({
      status: 'ok',
      value: { kind: 'ensemble', requestCode: 0 },
    });
    expect(decodeRequest4200(bytes('01 00 00 00 00 00 00 00'))).toMatchObject({ value: { kind: 'cells' } });
    expect(decodeRequest4200(bytes('07 00 00 00 00 00 00 00'))).toMatchObject({
      value: { kind: 'other', requestCode: 7 },
    });
    expect(bytesToHex(encodeRequest4200(request4200('system')))).toBe('0200000000000000');
  });
});

describe('0x4210 pack', () => {
  it('decodes negative (discharging) current and sub-zero temperature through the offsets', () => {
    // 400.0 V, −25.5 A (raw 29745 = 0x7431), −5.0 °C (raw 950 = 0x03B6), SOC 80, SOH 99
    const data = bytes('A0 0F 31 74 B6 03 50 63');
    const value = { packVoltageDv: 4000, packCurrentDa: -255, bmsTempDc: -50, socPct: 80, sohPct: 99 };
    expect(decodePack4210(data)).toEqual({ status: 'ok', value });
    expect(encodePack4210(value)).toEqual(data);
  });

  it('refuses to encode a value that does not fit, naming the field', () => {
    expect(() =>
      encodePack4210({ packVoltageDv: 70000, packCurrentDa: 0, bmsTempDc: 0, socPct: 0, sohPct: 0 }),
    ).toThrow(/packVoltageDv/);
  });
});

describe('0x4220 limits', () => {
  it('reads the standard discharge convention (30000 − I) as a positive limit', () => {
    const value = limits4220({
      chargeCutoffDv: 4260,
      dischargeCutoffDv: 3360,
      chargeLimitDa: 250,
      dischargeLimitDa: 500,
    });
    expect(value).toMatchObject({ dischargeLimitRaw: 29500, dischargeLimitConvention: 'standard' });
    const data = encodeLimits4220(value);
    expect(bytesToHex(data)).toBe('A410200D2A763C73');
    expect(decodeLimits4220(data)).toEqual({ status: 'ok', value });
  });
});

describe('0x4240 cell temperatures', () => {
  it('applies the −100 °C offset to both extremes', () => {
    expect(decodeCellTempExtremes4240(bytes('E8 03 00 00 01 00 02 00'))).toMatchObject({
      value: { cellTempMaxDc: 0, cellTempMinDc: -1000 },
    });
  });
});

describe('0x4250 status', () => {
  // discharge (2) + balance request (bit 4) = 0x12; cycle period 0x0102; error bits 0x41
  // (voltage sensor, battery damage); alarm 0x0801 (BLV, MHV); protection 0x0200 (DOCA).
  const data = bytes('12 02 01 41 01 08 00 02');

  it('decodes the state, request bits and the three flag tables', () => {
    const sut = decodeStatus4250(data);
    expect(sut.status).toBe('ok');
    const value = sut.status === 'ok' ? sut.value : undefined;
    expect(value).toMatchObject({
      statusByte: 0x12,
      state: 'discharge',
      forceChargeRequest: false,
      balanceChargeRequest: true,
      cyclePeriodRaw: 0x0102,
      errorBits: 0x41,
      alarmBits: 0x0801,
      protectionBits: 0x0200,
    });
    const setNames = (flags: Record<string, boolean> | undefined) =>
      Object.entries(flags ?? {})
        .filter(([, on]) => on)
        .map(([name]) => name);
    expect(setNames(value?.errors)).toEqual(['voltageSensorError', 'batteryDamageError']);
    expect(setNames(value?.alarms)).toEqual(['cellLowVoltage', 'moduleHighVoltage']);
    expect(setNames(value?.protections)).toEqual(['dischargeOverCurrent']);
    expect(encodeStatus4250(value!)).toEqual(data);
  });

  it('maps status values 4-7 to reserved and builds status bytes from a state', () => {
    expect(decodeStatus4250(bytes('05 00 00 00 00 00 00 00'))).toMatchObject({
      value: { state: 'reserved' },
    });
    expect(statusByteOf('idle', { forceChargeRequest: true })).toBe(0x0b);
    expect(statusByteOf('sleep')).toBe(0);
  });
});

describe('0x4260 / 0x4270 module extremes', () => {
  it('round-trips module voltages in mV and temperatures with the offset', () => {
    const volts = {
      moduleVoltageMaxMv: 53_120,
      moduleVoltageMinMv: 52_980,
      moduleVoltageMaxNo: 2,
      moduleVoltageMinNo: 7,
    };
    const voltBytes = bytes('80 CF F4 CE 02 00 07 00');
    expect(decodeModuleVoltageExtremes4260(voltBytes)).toEqual({ status: 'ok', value: volts });
    expect(encodeModuleVoltageExtremes4260(volts)).toEqual(voltBytes);

    const temps = { moduleTempMaxDc: 312, moduleTempMinDc: 255, moduleTempMaxNo: 4, moduleTempMinNo: 1 };
    const tempBytes = bytes('20 05 E7 04 04 00 01 00');
    expect(decodeModuleTempExtremes4270(tempBytes)).toEqual({ status: 'ok', value: temps });
    expect(encodeModuleTempExtremes4270(temps)).toEqual(tempBytes);
  });
});

describe('0x4290 fault extension', () => {
  it('keeps byte 0 raw because its bit order is unresolved', () => {
    expect(decodeFaultExtension4290(bytes('90 00 00 00 00 00 00 00'))).toEqual({
      status: 'ok',
      value: { faultExtensionRaw: 0x90 },
    });
    expect(bytesToHex(encodeFaultExtension4290({ faultExtensionRaw: 0x90 }))).toBe('9000000000000000');
  });
});

describe('0x7330 / 0x7340 manufacturer name', () => {
  it('reads zero-padded ASCII and writes it back', () => {
    expect(decodeManufacturerName7330(bytes('50 59 4C 4F 4E 54 45 43'))).toEqual({
      status: 'ok',
      value: { text: 'PYLONTEC' },
    });
    expect(decodeManufacturerName7330(bytes('48 00 00 00 00 00 00 00'))).toEqual({
      status: 'ok',
      value: { text: 'H' },
    });
    expect(bytesToHex(encodeManufacturerName7330({ text: 'H' }))).toBe('4800000000000000');
  });

  it('marks bytes that are not printable ASCII instead of passing them on', () => {
    expect(decodeManufacturerName7330(bytes('41 07 42 00 00 00 00 00'))).toMatchObject({
      value: { text: 'A\uFFFDB' },
    });
    expect(() => encodeManufacturerName7330({ text: 'NINECHARS' })).toThrow(RangeError);
  });
});

describe('length checks', () => {
  it('reports a wrong DLC as corrupt, naming the message', () => {
    expect(decodePack4210(bytes('A5 09 30 75'))).toEqual({
      status: 'corrupt',
      reason: '0x4210: expected 8 data bytes, got 4',
    });
  });
});
