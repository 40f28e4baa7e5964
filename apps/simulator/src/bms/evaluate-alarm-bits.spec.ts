import { ALARM_PROTECTION_BITS, decodeBitFlags } from '@fleet/protocol';
import { describe, expect, it } from 'vitest';
import type { BmsMeasurements } from './bms-measurements.js';
import { evaluateAlarmBits, withHysteresis } from './evaluate-alarm-bits.js';

const normal: BmsMeasurements = {
  cellMaxMv: 3350,
  cellMinMv: 3300,
  packMv: 3320 * 120,
  moduleMaxMv: 3330 * 15,
  moduleMinMv: 3310 * 15,
  cellTempMaxC: 25,
  cellTempMinC: 20,
  currentA: 10,
  cellCount: 120,
  cellsPerModule: 15,
  maxChargeA: 25,
  maxDischargeA: 50,
};
const flags = (word: number) =>
  Object.entries(decodeBitFlags(ALARM_PROTECTION_BITS, word))
    .filter(([, on]) => on)
    .map(([name]) => name);

describe('alarm and protection words with hysteresis', () => {
  it('sets at the threshold and clears only past threshold − hysteresis', () => {
    const level = { set: 3600, hysteresis: 50 };
    expect(withHysteresis('high', 3599, level, false)).toBe(false);
    expect(withHysteresis('high', 3600, level, false)).toBe(true);
    expect(withHysteresis('high', 3560, level, true)).toBe(true);
    expect(withHysteresis('high', 3550, level, true)).toBe(false);
    expect(withHysteresis('low', 2900, { set: 2900, hysteresis: 50 }, false)).toBe(true);
    expect(withHysteresis('low', 2940, { set: 2900, hysteresis: 50 }, true)).toBe(true);
    expect(withHysteresis('low', 2950, { set: 2900, hysteresis: 50 }, true)).toBe(false);
  });

  it('raises nothing for a healthy string', () => {
    expect(evaluateAlarmBits(normal, { alarmBits: 0, protectionBits: 0 })).toEqual({
      alarmBits: 0,
      protectionBits: 0,
    });
  });

  it('warns first, then protects, and clears each level with its own hysteresis', () => {
    const warned = evaluateAlarmBits({ ...normal, cellMaxMv: 3610 }, { alarmBits: 0, protectionBits: 0 });
    expect(flags(warned.alarmBits)).toEqual(['cellHighVoltage']);
    expect(warned.protectionBits).toBe(0);
    const tripped = evaluateAlarmBits({ ...normal, cellMaxMv: 3700 }, warned);
    expect(flags(tripped.protectionBits)).toEqual(['cellHighVoltage']);
    // Back to 3560 mV: protection (clears < 3550) and alarm (clears < 3550) both still on.
    const holding = evaluateAlarmBits({ ...normal, cellMaxMv: 3560 }, tripped);
    expect(holding).toEqual(tripped);
    const cleared = evaluateAlarmBits({ ...normal, cellMaxMv: 3540 }, holding);
    expect(cleared).toEqual({ alarmBits: 0, protectionBits: 0 });
  });

  it('maps temperature and current to their table C bits', () => {
    const hot = evaluateAlarmBits({ ...normal, cellTempMaxC: 62 }, { alarmBits: 0, protectionBits: 0 });
    expect(flags(hot.protectionBits)).toEqual(['chargeCellHighTemp', 'dischargeCellHighTemp']);
    const pulled = evaluateAlarmBits({ ...normal, currentA: -75 }, { alarmBits: 0, protectionBits: 0 });
    expect(flags(pulled.protectionBits)).toEqual(['dischargeOverCurrent']);
  });
});
