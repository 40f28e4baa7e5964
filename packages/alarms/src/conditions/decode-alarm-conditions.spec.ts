import type { PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { bitObservations } from './bit-observations.js';
import { decodeAlarmConditions } from './decode-alarm-conditions.js';
import { decodeWordConditions } from './decode-word-conditions.js';

const base: PackSample = {
  kind: 'pack',
  ts: '2026-05-01T10:00:00.000Z',
  bus: 'can0',
  bmsAddress: 3,
  packVoltageDv: 5200,
  packCurrentDa: 0,
  bmsTempDc: 250,
  socPct: 50,
  sohPct: 100,
};

const codes = (sample: PackSample) => decodeAlarmConditions(sample).conditions.map((c) => c.code);

describe('decodeAlarmConditions', () => {
  it('reads nothing from a sample without words', () => {
    expect(decodeAlarmConditions(base)).toEqual({ conditions: [], words: {}, problems: [] });
  });

  it('names the HV alarm and protection bits and keeps both raw words', () => {
    const sut = decodeAlarmConditions({ ...base, alarmBits: 0b10, protectionBits: 0b11, errorBits: 0 });
    expect(sut.conditions.map((c) => c.code)).toEqual([
      'hv.alarm.cell_high_voltage',
      'hv.protection.cell_low_voltage',
      'hv.protection.cell_high_voltage',
    ]);
    expect(sut.words).toEqual({ 'hv.4250.error': 0, 'hv.4250.alarm': 2, 'hv.4250.protection': 3 });
    expect(sut.conditions[1]).toMatchObject({ kind: 'protection', severity: 'critical', rawWord: 3 });
  });

  it('reads the status byte request bits but not the pack-state value in bits 0-2', () => {
    // 0x0B = idle (3) + force-charge request (bit 3)
    expect(codes({ ...base, statusByte: 0x0b })).toEqual(['hv.status.force_charge_request']);
    expect(codes({ ...base, statusByte: 0x07 })).toEqual([]);
  });

  it('reads reserved bits as unknown-bit entries', () => {
    expect(codes({ ...base, protectionBits: 0x8000 })).toEqual(['hv.protection.reserved_bit15']);
  });

  it('reads the forbidden marks and the fault extension of its own address from raw', () => {
    const sample = {
      ...base,
      chargeForbidden: true,
      dischargeForbidden: false,
      raw: { '0x4293': '2000000000000000' },
    };
    expect(codes(sample)).toEqual(['hv.forbidden.charge', 'hv.fault_ext.bit5']);
    // another address's 0x4290 frame is not this string's
    expect(codes({ ...base, raw: { '0x4290': '2000000000000000' } })).toEqual([]);
  });

  it('reads LV 0x359 protection (bytes 0-1) and alarm (bytes 2-3) words and the 0x35A bytes', () => {
    const sample = {
      ...base,
      bmsAddress: 0,
      raw: { '0x0359': '020002080A504E', '0x035A': '0000000000000080' },
    };
    const sut = decodeAlarmConditions(sample);
    expect(sut.conditions.map((c) => c.code)).toEqual([
      'lv.protection.cell_over_voltage',
      'lv.alarm.cell_high_voltage',
      'lv.alarm.internal_comm_failure_bit3',
      'lv.alarm_35a.byte7_bit7',
    ]);
    expect(sut.words['lv.359.alarm']).toBe(0x0802);
  });

  it('names a malformed raw frame instead of throwing, and still reads the rest', () => {
    const sut = decodeAlarmConditions({ ...base, alarmBits: 1, raw: { '0x0359': 'zz', '0x4293': '' } });
    expect(sut.conditions.map((c) => c.code)).toEqual(['hv.alarm.cell_low_voltage']);
    expect(sut.problems).toEqual([
      'raw 0x4293: expected at least 1 bytes of hex, got ""',
      'raw 0x0359: expected at least 4 bytes of hex, got "zz"',
    ]);
  });
});

describe('decodeWordConditions', () => {
  it('decodes RS485 words by id (0x44 Status 1 and 5, 0x92)', () => {
    const sut = decodeWordConditions({
      'rs485.44.status1': 0x80,
      'rs485.44.status5': 0x01,
      'rs485.92.status': 0xc0,
    });
    expect(sut.conditions.map((c) => [c.code, c.opensAlarm])).toEqual([
      ['rs485.protection.module_under_voltage', true],
      ['rs485.cell_failure.cell09', true],
      ['rs485.charge_mgmt.discharge_enable', false],
      ['rs485.charge_mgmt.charge_enable', false],
    ]);
  });

  it('names an unknown word and a value wider than its word', () => {
    const sut = decodeWordConditions({ 'hv.4250.error': 256, 'hv.9999.x': 1, 'hv.4250.alarm': -1 });
    expect(sut.conditions).toEqual([]);
    expect(sut.problems).toEqual([
      'hv.4250.error: 256 is not a 8-bit word',
      'hv.9999.x: unknown word',
      'hv.4250.alarm: -1 is not a 16-bit word',
    ]);
  });
});

describe('bitObservations', () => {
  it('observes every alarm-opening bit of the words read, and nothing of words not read', () => {
    const sut = bitObservations(decodeAlarmConditions({ ...base, protectionBits: 0b10 }));
    expect(sut.get('hv.protection.cell_high_voltage')).toEqual({
      kind: 'flag',
      present: true,
      severity: 'critical',
    });
    expect(sut.get('hv.protection.cell_low_voltage')).toEqual({
      kind: 'flag',
      present: false,
      severity: 'critical',
    });
    expect(sut.has('hv.alarm.cell_high_voltage')).toBe(false);
    expect(sut.size).toBe(16);
  });

  it('leaves out state bits that do not open alarms', () => {
    const sut = bitObservations(
      decodeAlarmConditions({ ...base, chargeForbidden: true, dischargeForbidden: true }),
    );
    expect(sut.size).toBe(0);
  });
});
