import { describe, expect, it } from 'vitest';
import { type ExtremesBucket, findExcursions, type ProtectionTrip } from './excursions.js';
import type { OperatingLimits } from './warranty-terms.js';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-07-01T00:00:00Z');
const LIMITS: OperatingLimits = {
  cellTempMinDc: 0,
  cellTempMaxDc: 500,
  cellVoltageMinMv: 2800,
  cellVoltageMaxMv: 3650,
  maxCurrentA: 50,
};
const normal: Omit<ExtremesBucket, 'startMs'> = {
  cellTempMinDc: 200,
  cellTempMaxDc: 300,
  cellMaxMv: 3400,
  cellMinMv: 3200,
  currentMaxDa: 200,
  currentMinDa: -200,
};
const bucket = (hour: number, over: Partial<ExtremesBucket> = {}): ExtremesBucket => ({
  startMs: T0 + hour * HOUR,
  ...normal,
  ...over,
});

describe('findExcursions', () => {
  it('joins touching hours out of a limit into one period with its worst value', () => {
    const sut = findExcursions(
      [
        bucket(2, { cellTempMaxDc: 520 }),
        bucket(0, { cellTempMaxDc: 510 }),
        bucket(1, { cellTempMaxDc: 560 }),
      ],
      [],
      LIMITS,
      HOUR,
    );
    expect(sut).toEqual([
      {
        kind: 'temperature-high',
        startMs: T0,
        endMs: T0 + 3 * HOUR,
        worst: 560,
        limit: 500,
        unit: 'dC',
        source: 'rollup-1h',
        code: null,
        title: null,
      },
    ]);
  });

  it('keeps separate periods apart and lists them newest first, each kind with its own worst', () => {
    const sut = findExcursions(
      [
        bucket(0, { cellMinMv: 2700 }),
        bucket(1, { cellMinMv: 2650 }),
        bucket(5, { cellMinMv: 2790, cellTempMinDc: -50 }),
        bucket(6, { cellMaxMv: 3700 }),
        bucket(7, { currentMinDa: -620 }),
        bucket(8, { cellMaxMv: 3650, cellTempMaxDc: 500 }), // at the limit is inside
      ],
      [],
      LIMITS,
      HOUR,
    );
    expect(sut.map((e) => [e.kind, (e.startMs - T0) / HOUR, e.worst])).toEqual([
      ['over-current', 7, 62],
      ['over-voltage', 6, 3700],
      ['temperature-low', 5, -50],
      ['under-voltage', 5, 2790],
      ['under-voltage', 0, 2650],
    ]);
  });

  it('judges no limit the terms leave empty', () => {
    const open = { ...LIMITS, cellTempMaxDc: null, maxCurrentA: null };
    expect(findExcursions([bucket(0, { cellTempMaxDc: 900, currentMaxDa: 5000 })], [], open, HOUR)).toEqual(
      [],
    );
  });
});

describe('findExcursions, protection trips', () => {
  it('merges overlapping trips of one protection and keeps an active one open', () => {
    const trip = (
      start: number,
      end: number | null,
      code = 'hv.protection.cell_high_voltage',
    ): ProtectionTrip => ({
      startMs: T0 + start * HOUR,
      endMs: end === null ? null : T0 + end * HOUR,
      code,
      title: 'Cell over-voltage protection',
      source: 'alarm',
    });
    const sut = findExcursions(
      [],
      [
        trip(0, 2),
        trip(1, 3),
        trip(10, null),
        trip(11, 12),
        trip(1, 2, 'hv.protection.discharge_over_current'),
      ],
      LIMITS,
      HOUR,
    );
    expect(
      sut.map((e) => [e.code, (e.startMs - T0) / HOUR, e.endMs === null ? null : (e.endMs - T0) / HOUR]),
    ).toEqual([
      ['hv.protection.cell_high_voltage', 10, null],
      ['hv.protection.discharge_over_current', 1, 2],
      ['hv.protection.cell_high_voltage', 0, 3],
    ]);
    expect(sut.every((e) => e.kind === 'protection' && e.source === 'alarm')).toBe(true);
  });
});
