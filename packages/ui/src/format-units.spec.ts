import { describe, expect, it } from 'vitest';
import {
  currentDirection,
  formatCurrentDa,
  formatMv,
  formatPct,
  formatSpreadMv,
  formatTempDc,
  formatVoltageDv,
  MISSING,
} from './format-units.js';

describe('unit formatters', () => {
  it('formats tenths of a volt', () => {
    expect(formatVoltageDv(2469)).toBe('246.9 V');
    expect(formatVoltageDv(0)).toBe('0.0 V');
    expect(formatVoltageDv(10000)).toBe('1000.0 V');
  });

  it('formats current with its sign, positive being charging', () => {
    expect(formatCurrentDa(-120)).toBe('-12.0 A');
    expect(formatCurrentDa(55)).toBe('+5.5 A');
    expect(formatCurrentDa(0)).toBe('0.0 A');
    expect(formatCurrentDa(-5)).toBe('-0.5 A');
    expect(currentDirection(55)).toBe('charging');
    expect(currentDirection(-1)).toBe('discharging');
    expect(currentDirection(0)).toBe('idle');
  });

  it('formats temperatures including sub-zero tenths', () => {
    expect(formatTempDc(181)).toBe('18.1 °C');
    expect(formatTempDc(-55)).toBe('-5.5 °C');
  });

  it('formats percentages and millivolts', () => {
    expect(formatPct(46)).toBe('46 %');
    expect(formatMv(3312)).toBe('3312 mV');
    expect(formatSpreadMv(3350, 3310)).toBe('40 mV');
  });

  it('shows a dash for values the BMS did not report', () => {
    expect(formatVoltageDv(null)).toBe(MISSING);
    expect(formatCurrentDa(undefined)).toBe(MISSING);
    expect(formatTempDc(Number.NaN)).toBe(MISSING);
    expect(formatPct(null)).toBe(MISSING);
    expect(formatSpreadMv(3350, null)).toBe(MISSING);
  });
});
