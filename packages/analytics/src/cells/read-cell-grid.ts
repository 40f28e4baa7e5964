/** One cell of a snapshot, by its place in the string: module 0 is the first after the BMS. */
export interface CellReading {
  module: number;
  cell: number;
  mv: number;
}

/** The usable cells of a `[module][cell]` mV grid, and how many were not. */
export interface CellGrid {
  cells: CellReading[];
  /** Per module, its usable cells (a module with none is an empty list). */
  modules: CellReading[][];
  /** Entries that were not a cell voltage: not a number, ≤ 0, or the 0xFFFF "not read" marker. */
  badCells: number;
}

// 0 and 0xFFFF are what BMS protocols put where a cell was not read; neither is a voltage.
const isCellMv = (v: unknown): v is number =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 && v < 0xffff;

/** Reads a snapshot grid defensively: a missing row or a bad entry is counted, never thrown on. */
export function readCellGrid(grid: unknown): CellGrid {
  const result: CellGrid = { cells: [], modules: [], badCells: 0 };
  if (!Array.isArray(grid)) {
    return result;
  }
  grid.forEach((row: unknown, module) => {
    const usable: CellReading[] = [];
    if (Array.isArray(row)) {
      row.forEach((mv: unknown, cell) => {
        if (isCellMv(mv)) {
          usable.push({ module, cell, mv });
        } else {
          result.badCells++;
        }
      });
    } else {
      result.badCells++;
    }
    result.modules.push(usable);
    result.cells.push(...usable);
  });
  return result;
}

/** Median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Arithmetic mean of a non-empty list. */
export function mean(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
