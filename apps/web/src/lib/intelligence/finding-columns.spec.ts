import { describe, expect, it } from 'vitest';
import { findingColumns } from './finding-columns';

const DAY = 86_400_000;

describe('findingColumns', () => {
  it('orders days, reads the field, and breaks the line over a missing day', () => {
    const days = [
      { dayMs: 3 * DAY, sohPct: 97 },
      { dayMs: 0, sohPct: 99 },
      { dayMs: DAY, sohPct: null },
    ];
    expect(findingColumns(days, 'sohPct')).toEqual({
      xs: [0, DAY / 1000, (2 * DAY) / 1000, (3 * DAY) / 1000],
      ys: [[99, null, null, 97]],
    });
  });

  it('gives empty columns for no days', () => {
    expect(findingColumns([], 'sohPct')).toEqual({ xs: [], ys: [[]] });
  });
});
