import { describe, expect, it } from 'vitest';
import { OFFLINE_AFTER_MS, type PackReading, powerW, systemSoc, systemStateOf } from './system-state';

const NOW = Date.parse('2026-11-25T14:30:00Z');

function reading(overrides: Partial<PackReading> = {}): PackReading {
  return {
    ts: new Date(NOW - 5_000).toISOString(),
    packVoltageDv: 4000,
    packCurrentDa: 0,
    socPct: 60,
    sohPct: 97,
    cellMaxMv: 3340,
    cellMinMv: 3320,
    ...overrides,
  };
}

describe('systemStateOf', () => {
  it('says charging with the power of the reporting strings summed (400 V × 6 A = 2.4 kW)', () => {
    expect(powerW(reading({ packCurrentDa: 60 }))).toBe(2400);
    const state = systemStateOf([reading({ packCurrentDa: 40 }), reading({ packCurrentDa: 20 })], NOW);
    expect(state).toEqual({ kind: 'charging', powerKw: 2.4 });
  });

  it('says discharging for a negative current, with the power unsigned', () => {
    expect(systemStateOf([reading({ packCurrentDa: -25 })], NOW)).toEqual({
      kind: 'discharging',
      powerKw: 1,
    });
  });

  it('is idle below 50 W either way, and when strings cancel out', () => {
    expect(systemStateOf([reading({ packCurrentDa: 1 })], NOW)).toEqual({ kind: 'idle' });
    expect(systemStateOf([reading({ packCurrentDa: 30 }), reading({ packCurrentDa: -30 })], NOW)).toEqual({
      kind: 'idle',
    });
  });

  it('ignores a string that stopped reporting while another still does', () => {
    const old = reading({ ts: new Date(NOW - OFFLINE_AFTER_MS - 1).toISOString(), packCurrentDa: 100 });
    expect(systemStateOf([old, reading({ packCurrentDa: -60 })], NOW)).toEqual({
      kind: 'discharging',
      powerKw: 2.4,
    });
  });

  it('is offline since the newest sample when no string reported for ten minutes', () => {
    const a = new Date(NOW - OFFLINE_AFTER_MS - 60_000).toISOString();
    const b = new Date(NOW - OFFLINE_AFTER_MS - 1_000).toISOString();
    expect(systemStateOf([reading({ ts: a }), reading({ ts: b }), null], NOW)).toEqual({
      kind: 'offline',
      since: b,
    });
    expect(systemStateOf([reading({ ts: new Date(NOW - OFFLINE_AFTER_MS).toISOString() })], NOW).kind).toBe(
      'idle',
    );
  });

  it('has no data when no string ever reported', () => {
    expect(systemStateOf([null, null], NOW)).toEqual({ kind: 'no-data' });
    expect(systemStateOf([], NOW)).toEqual({ kind: 'no-data' });
  });
});

describe('systemSoc', () => {
  it('averages the strings that reported, rounded', () => {
    expect(systemSoc([reading({ socPct: 60 }), reading({ socPct: 71 }), null])).toBe(66);
    expect(systemSoc([null])).toBeNull();
  });
});
