import { type DerivedReading, isFiniteNumber, unjudged } from './derived-reading.js';

/** One cell's drift against its module's median, as @fleet/analytics' cellDrift gives it. */
export interface CellDriftInput {
  module: number;
  cell: number;
  slopeMvPerWeek: number | null;
}

export type WeakCellReading = DerivedReading & { module?: number; cell?: number };

/** The cell falling fastest against its module (mV/week, negative = falling away). */
export function weakCell(cells: readonly CellDriftInput[]): WeakCellReading {
  let weakest: CellDriftInput | undefined;
  for (const c of cells) {
    if (
      isFiniteNumber(c.slopeMvPerWeek) &&
      (weakest === undefined || c.slopeMvPerWeek < weakest.slopeMvPerWeek!)
    ) {
      weakest = c;
    }
  }
  if (weakest === undefined) {
    return unjudged('no cell has a drift slope yet');
  }
  return { value: weakest.slopeMvPerWeek, module: weakest.module, cell: weakest.cell };
}
