import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { cellSnapshotSchema } from './cell-snapshot.js';

// The nested zod schema the one-pass grid check replaced: the reference for messages and paths.
const int = z.number().int();
const nestedVoltages = z
  .array(z.array(int.min(0).max(0xffff)).min(1).max(64))
  .min(1)
  .max(64);
const nestedTemps = z.array(z.array(int.min(-1000).max(2000).nullable()).max(64)).max(64);
const issuesOf = (r: {
  success: boolean;
  error?: { issues: Array<{ path: PropertyKey[]; message: string }> };
}) => (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`).sort();
// Mostly valid values, with the edge cases the check must name: bounds, fractions, NaN, null,
// strings, non-arrays, empty and over-long rows.
const value = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: -1100, max: 0x10010 }) },
  fc.constantFrom(0.5, Number.NaN, Number.POSITIVE_INFINITY, null, '3300', undefined, [1]),
);
const row = fc.oneof(
  { weight: 10, arbitrary: fc.array(value, { maxLength: 66 }) },
  fc.constantFrom(null, 7, 'row'),
);
const grid = fc.oneof(
  { weight: 10, arbitrary: fc.array(row, { maxLength: 66 }) },
  fc.constantFrom(null, {}, 'x'),
);

const snapshot = {
  kind: 'cells',
  ts: '2026-11-25T12:00:00.000Z',
  bus: 'can0',
  bmsAddress: 0,
  source: 'console',
  trigger: 'edge',
  cellVoltagesMv: [
    [3301, 3302],
    [3299, 3300],
  ],
  cellTempsDc: [
    [181, null],
    [179, 180],
  ],
};

describe('cellSnapshotSchema', () => {
  it('accepts a [module][cell] snapshot with temperatures where known', () => {
    expect(cellSnapshotSchema.parse(snapshot)).toEqual(snapshot);
  });

  it('names the offending cell', () => {
    const bad = { ...snapshot, cellVoltagesMv: [[3301, -1]] };
    const sut = cellSnapshotSchema.safeParse(bad);
    expect(sut.success).toBe(false);
    expect(sut.error?.issues[0]?.path).toEqual(['cellVoltagesMv', 0, 1]);
  });

  it('names the same problems at the same paths as the nested zod arrays did', () => {
    fc.assert(
      fc.property(grid, grid, (volts, temps) => {
        const sut = cellSnapshotSchema.safeParse({ ...snapshot, cellVoltagesMv: volts, cellTempsDc: temps });
        const expected = [
          ...issuesOf(nestedVoltages.safeParse(volts)).map((i) => `cellVoltagesMv.${i}`),
          ...issuesOf(nestedTemps.safeParse(temps)).map((i) => `cellTempsDc.${i}`),
        ].sort();
        expect(issuesOf(sut).map((i) => i.replace('.:', ':'))).toEqual(
          expected.map((i) => i.replace('.:', ':')),
        );
      }),
      { numRuns: 300 },
    );
  });
});
