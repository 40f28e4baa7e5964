import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellSpread } from './cell-spread.js';

// Two modules of four cells, mV.
const SNAPSHOT = [
  [3300, 3310, 3290, 3305],
  [3280, 3282, 3250, 3284],
];

describe('cellSpread', () => {
  it('finds the spread and where its extremes sit in a known snapshot', () => {
    const sut = cellSpread(SNAPSHOT, { packCurrentDa: 15 });
    // Highest 3310 (module 0, cell 1), lowest 3250 (module 1, cell 2); mean 26 301 / 8.
    expect(sut).toEqual({
      kind: 'spread',
      spreadMv: 60,
      highest: { module: 0, cell: 1, mv: 3310 },
      lowest: { module: 1, cell: 2, mv: 3250 },
      meanMv: 3287.625,
      condition: 'rest',
      cells: 8,
      badCells: 0,
    });
  });

  it('classifies rest and load by |current| against the threshold', () => {
    const condition = (packCurrentDa?: number, restCurrentDa?: number) => {
      const sut = cellSpread(SNAPSHOT, { packCurrentDa, restCurrentDa });
      return sut.kind === 'spread' ? sut.condition : 'empty';
    };
    expect(condition(20)).toBe('rest');
    expect(condition(-20)).toBe('rest');
    expect(condition(21)).toBe('load');
    expect(condition(-250)).toBe('load');
    expect(condition(-250, 300)).toBe('rest');
    expect(condition(undefined)).toBe('unknown');
  });

  it('counts entries that are not cell voltages and leaves them out', () => {
    const grid = [[3300, 0, 0xffff], 'x', [Number.NaN, 3200]] as unknown as number[][];
    expect(cellSpread(grid)).toMatchObject({ kind: 'spread', spreadMv: 100, cells: 2, badCells: 4 });
    expect(cellSpread([[0, 0]])).toEqual({ kind: 'empty', badCells: 2 });
    expect(cellSpread(null as unknown as number[][])).toEqual({ kind: 'empty', badCells: 0 });
  });

  it('property: the spread is max − min, whatever the layout', () => {
    const grid = fc.array(fc.array(fc.integer({ min: 2500, max: 3650 }), { minLength: 1, maxLength: 16 }), {
      minLength: 1,
      maxLength: 15,
    });
    fc.assert(
      fc.property(grid, (g) => {
        const all = g.flat();
        expect(cellSpread(g)).toMatchObject({
          spreadMv: Math.max(...all) - Math.min(...all),
          cells: all.length,
        });
      }),
    );
  });
});
