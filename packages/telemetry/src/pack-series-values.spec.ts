import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { seriesKeySchema, seriesRowsSchema, seriesValueSchema } from './pack-series-values.js';

// The nested zod arrays the one-loop checks replaced: the reference for codes, messages, paths.
const nestedKey = z.array(seriesValueSchema).min(1).max(256);
const nestedRows = z.array(z.array(seriesValueSchema).min(1).max(513)).max(100_000);

type Result = { success: boolean; data?: unknown; error?: { issues: z.core.$ZodIssue[] } };
const issuesOf = (r: Result) =>
  (r.error?.issues ?? []).map((i) => `${i.code} ${i.path.join('.')}: ${i.message}`).sort();

// Mostly values a series carries, with what the union refuses or only zod can judge: NaN,
// Infinity, undefined, arrays, raw-frame maps (good and bad), objects.
const value = fc.oneof(
  { weight: 20, arbitrary: fc.oneof(fc.integer(), fc.constantFrom(null, 'discharge', true, false, 0.5)) },
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, undefined, [1], { '4290': '00' }, { '4290': 1 }, {}),
);
const row = fc.oneof(
  { weight: 10, arbitrary: fc.array(value, { maxLength: 8 }) },
  fc.constantFrom(null, 7, 'row', {}),
);
const rows = fc.oneof(
  { weight: 10, arbitrary: fc.array(row, { maxLength: 8 }) },
  fc.constantFrom(null, {}, 'x'),
);

describe('series key and rows', () => {
  it('accept a plain key row and change rows as they are', () => {
    const key = [2469, -120, null, 'discharge', false, { '4290': '0000' }];
    const changes = [[5000, 1, -130], [10000]];
    expect(seriesKeySchema.parse(key)).toEqual(key);
    expect(seriesRowsSchema.parse(changes)).toEqual(changes);
  });

  it('name the offending value by row and index', () => {
    const sut = seriesRowsSchema.safeParse([
      [5000, 1, -130],
      [6000, 3, Number.NaN],
    ]);
    expect(sut.success).toBe(false);
    expect(sut.error?.issues.map((i) => i.path)).toEqual([[1, 2]]);
  });

  it('give the same verdict, output and issues as the nested zod arrays', () => {
    fc.assert(
      fc.property(row, rows, (k, r) => {
        for (const [sut, nested, input] of [
          [seriesKeySchema, nestedKey, k],
          [seriesRowsSchema, nestedRows, r],
        ] as const) {
          const actual = sut.safeParse(input);
          const expected = nested.safeParse(input);
          expect(actual.success).toBe(expected.success);
          expect(actual.data).toEqual(expected.data);
          expect(issuesOf(actual)).toEqual(issuesOf(expected));
        }
      }),
      { numRuns: 500 },
    );
  });
});
