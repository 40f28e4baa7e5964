import { describe, expect, it } from 'vitest';
import { dictionaryFor } from '../../i18n/dictionary';
import { createUnitFormatter, formatAge, formatUtcMinute, MISSING } from './units';

const NNBSP = '\u00a0';
const en = createUnitFormatter('en');
const de = createUnitFormatter('de');

describe('unit formatter', () => {
  it('uses the locale decimal sign and a fixed number of decimals per unit', () => {
    expect(en.volts(246.94)).toBe(`246.9${NNBSP}V`);
    expect(de.volts(246.94)).toBe(`246,9${NNBSP}V`);
    expect(en.celsius(18)).toBe(`18.0${NNBSP}°C`);
    expect(de.celsius(-0.5)).toBe(`-0,5${NNBSP}°C`);
    expect(en.percent(45.6)).toBe(`46${NNBSP}%`);
    expect(de.millivolts(3312)).toBe(`3312${NNBSP}mV`);
    expect(en.millivolts(3312)).toBe(`3312${NNBSP}mV`);
    expect(de.count(12345)).toBe('12.345');
    expect(de.kilowattHours(12345.67)).toBe(`12.345,7${NNBSP}kWh`);
    expect(de.kilowatts(2.44)).toBe(`2,4${NNBSP}kW`);
  });

  it('signs currents: + charging, - discharging, none at rest', () => {
    expect(en.amps(5.5)).toBe(`+5.5${NNBSP}A`);
    expect(de.amps(-12)).toBe(`-12,0${NNBSP}A`);
    expect(en.amps(0)).toBe(`0.0${NNBSP}A`);
  });

  it('converts the wire units (tenths) without floating-point noise', () => {
    expect(en.voltsDv(2469)).toBe(`246.9${NNBSP}V`);
    expect(de.ampsDa(-120)).toBe(`-12,0${NNBSP}A`);
    expect(en.celsiusDc(181)).toBe(`18.1${NNBSP}°C`);
  });

  it('shows a dash for a value that was not reported', () => {
    for (const value of [null, undefined, Number.NaN]) {
      expect(en.volts(value)).toBe(MISSING);
      expect(de.ampsDa(value)).toBe(MISSING);
      expect(en.count(value)).toBe(MISSING);
    }
  });
});

describe('formatAge', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('picks the largest whole unit, in the dictionary language', () => {
    expect(formatAge('2026-11-25T11:59:30Z', now, dictionaryFor('en'))).toBe('30 s ago');
    expect(formatAge('2026-11-25T11:55:00Z', now, dictionaryFor('de'))).toBe('vor 5 min');
    expect(formatAge('2026-11-25T09:00:00Z', now, dictionaryFor('en'))).toBe('3 h ago');
    expect(formatAge('2026-11-20T12:00:00Z', now, dictionaryFor('de'))).toBe('vor 5 d');
  });

  it('treats a future time as 0 s and a missing one as never', () => {
    expect(formatAge('2026-11-25T12:00:05Z', now, dictionaryFor('en'))).toBe('0 s ago');
    expect(formatAge(null, now, dictionaryFor('de'))).toBe('nie');
    expect(formatAge('garbage', now, dictionaryFor('en'))).toBe('unknown');
  });
});

describe('formatUtcMinute', () => {
  it('is the same in every locale', () => {
    expect(formatUtcMinute('2026-11-25T12:00:03.250Z')).toBe('2026-11-25 12:00 UTC');
    expect(formatUtcMinute(null)).toBe(MISSING);
  });
});
