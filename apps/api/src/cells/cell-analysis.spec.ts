import { describe, expect, it } from 'vitest';
import { analyseCells } from './cell-analysis.js';

describe('analyseCells', () => {
  it('gives the spread and the weakest cell against its module, ignoring cells not read', () => {
    const volts = [
      [3300, 3302, 3301],
      [3320, 3280, null],
    ];
    const sut = analyseCells(volts, null);
    expect(sut.spreadMv).toBe(40);
    expect(sut.weakest[0]).toMatchObject({ module: 1, cell: 1, mv: 3280, deviationMv: -20 });
    expect(sut.temperature).toBeNull();
    expect(sut.voltage?.deviation[1]?.[2]).toBeNull();
  });

  it('analyses the temperature sensors when the snapshot has them', () => {
    const sut = analyseCells([[3300, 3301]], [[250, 251, 330]]);
    expect(sut.temperature?.outlier).toEqual([[false, false, true]]);
  });
});
