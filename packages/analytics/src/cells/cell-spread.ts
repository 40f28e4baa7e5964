import { DEFAULT_REST_CURRENT_DA, type LoadCondition, loadCondition } from './load-condition.js';
import { type CellReading, mean, readCellGrid } from './read-cell-grid.js';

export interface CellSpreadOptions {
  /** Pack current when the snapshot was read (0.1 A); decides rest vs load. */
  packCurrentDa?: number;
  /** |current| at or below this is rest (0.1 A, default {@link DEFAULT_REST_CURRENT_DA}). */
  restCurrentDa?: number;
}

/** Imbalance of one cell snapshot. */
export type CellSpread =
  | {
      kind: 'spread';
      /** Highest minus lowest cell, mV. */
      spreadMv: number;
      highest: CellReading;
      lowest: CellReading;
      meanMv: number;
      condition: LoadCondition;
      cells: number;
      badCells: number;
    }
  | { kind: 'empty'; badCells: number };

/**
 * Spread (max − min, mV) of one `[module][cell]` snapshot, where the extremes sit, and whether
 * it was read at rest or under load. A snapshot with no usable cell is `empty`.
 */
export function cellSpread(
  cellVoltagesMv: readonly (readonly number[])[],
  options: CellSpreadOptions = {},
): CellSpread {
  const { cells, badCells } = readCellGrid(cellVoltagesMv);
  if (cells.length === 0) {
    return { kind: 'empty', badCells };
  }
  let highest = cells[0]!;
  let lowest = cells[0]!;
  for (const c of cells) {
    highest = c.mv > highest.mv ? c : highest;
    lowest = c.mv < lowest.mv ? c : lowest;
  }
  return {
    kind: 'spread',
    spreadMv: highest.mv - lowest.mv,
    highest,
    lowest,
    meanMv: mean(cells.map((c) => c.mv)),
    condition: loadCondition(options.packCurrentDa, options.restCurrentDa ?? DEFAULT_REST_CURRENT_DA),
    cells: cells.length,
    badCells,
  };
}
