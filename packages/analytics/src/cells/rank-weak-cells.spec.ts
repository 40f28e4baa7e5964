import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankWeakCells } from './rank-weak-cells.js';

describe('rankWeakCells', () => {
  it('ranks cells by deviation from their own module median, worked by hand', () => {
    // Module 0 median (3300 + 3305)/2 = 3302.5; module 1 median (3280 + 3282)/2 = 3281.
    // 3280 in module 1 is lower than 3290 in module 0 but sits on its module's median: not weak.
    const sut = rankWeakCells(
      [
        [3300, 3310, 3290, 3305],
        [3280, 3282, 3250, 3284],
      ],
      3,
    );
    expect(sut).toEqual([
      { module: 1, cell: 2, mv: 3250, moduleMedianMv: 3281, deviationMv: -31 },
      { module: 0, cell: 2, mv: 3290, moduleMedianMv: 3302.5, deviationMv: -12.5 },
      { module: 0, cell: 0, mv: 3300, moduleMedianMv: 3302.5, deviationMv: -2.5 },
    ]);
  });

  it('skips unusable cells and empty modules', () => {
    const sut = rankWeakCells([[0, 0], [3300, 0xffff, 3290, 3310], []] as number[][], 10);
    expect(sut.map((c) => [c.module, c.cell, c.deviationMv])).toEqual([
      [1, 2, -10],
      [1, 0, 0],
      [1, 3, 10],
    ]);
  });

  it('property: shifting a whole module up or down does not change any deviation', () => {
    const module = fc.array(fc.integer({ min: 2500, max: 3600 }), { minLength: 1, maxLength: 16 });
    fc.assert(
      fc.property(
        fc.array(module, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: -40, max: 40 }),
        (g, shift) => {
          const shifted = g.map((cells, m) => (m === 0 ? cells.map((mv) => mv + shift) : cells));
          const key = (c: { module: number; cell: number; deviationMv: number }) =>
            `${c.module}:${c.cell}:${c.deviationMv}`;
          const before = rankWeakCells(g, 1000).map(key).sort();
          const after = rankWeakCells(shifted, 1000).map(key).sort();
          expect(after).toEqual(before);
        },
      ),
    );
  });
});
