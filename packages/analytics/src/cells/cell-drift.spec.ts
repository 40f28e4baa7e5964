import { describe, expect, it } from 'vitest';
import { cellDrift } from './cell-drift.js';

const T0 = Date.parse('2026-06-01T00:00:00Z');
const WEEK = 7 * 86_400_000;

describe('cellDrift', () => {
  it('ranks cells by how fast they fall away from their module median, worked by hand', () => {
    // Module 0, cell 1: 0, −3, −6 mV against the median 3300 → −3 mV/week.
    // Module 1, cell 2: 0, −1, −2 mV against the median 3310 → −1 mV/week. The rest stay at 0.
    const sut = cellDrift(
      [
        {
          ts: T0,
          cellVoltagesMv: [
            [3300, 3300, 3300],
            [3310, 3310, 3310],
          ],
        },
        {
          ts: T0 + WEEK,
          cellVoltagesMv: [
            [3300, 3297, 3300],
            [3310, 3310, 3309],
          ],
        },
        {
          ts: T0 + 2 * WEEK,
          cellVoltagesMv: [
            [3300, 3294, 3300],
            [3310, 3310, 3308],
          ],
        },
      ],
      { limit: 3 },
    );
    expect(sut.cells.map((c) => [c.module, c.cell, c.latestDeviationMv])).toEqual([
      [0, 1, -6],
      [1, 2, -2],
      [0, 0, 0],
    ]);
    expect(sut.cells[0]?.slopeMvPerWeek).toBeCloseTo(-3, 9);
    expect(sut.cells[1]?.slopeMvPerWeek).toBeCloseTo(-1, 9);
    expect(sut.cells[2]?.slopeMvPerWeek).toBeCloseTo(0, 9);
  });

  it('puts cells seen too few times last, without a slope', () => {
    // Cell (0,1) appears in only two snapshots (0 elsewhere = not read): no slope, ranked last.
    const sut = cellDrift(
      [
        { ts: T0, cellVoltagesMv: [[3300, 3300, 3300]] },
        { ts: T0 + WEEK, cellVoltagesMv: [[3300, 0, 3301]] },
        { ts: T0 + 2 * WEEK, cellVoltagesMv: [[3300, 3290, 3302]] },
      ],
      { limit: 10 },
    );
    expect(sut.cells.map((c) => [c.cell, c.points])).toEqual([
      [0, 3],
      [2, 3],
      [1, 2],
    ]);
    expect(sut.cells[2]?.slopeMvPerWeek).toBeNull();
  });
});
