import { AnalyticsError } from '../analytics-error.js';
import { prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import { type Deviation, type DriftSlope, driftSlope, pushTo } from './drift-slope.js';
import type { CellSeriesPoint } from './module-drift.js';
import { median, readCellGrid } from './read-cell-grid.js';

/** How one cell moves against its own module's median. */
export type CellDrift = { module: number; cell: number } & DriftSlope;

export interface CellDriftResult {
  /** Cells whose deviation falls fastest first (most negative slope); cells without a slope last. */
  cells: CellDrift[];
  snapshots: number;
  rejected: RejectCounts;
}

export interface CellDriftOptions {
  /** Fewest snapshots a cell needs for a slope (default 3). */
  minPoints?: number;
  /** How many cells to return (default 5). */
  limit?: number;
}

/**
 * The weak cells trending away from their module: per cell, the slope (mV/week) of its deviation
 * from its own module's median over a series of snapshots, steepest fall first. A cell that is low
 * and keeps falling is losing capacity or leaking; one that is low but flat is merely unbalanced.
 */
export function cellDrift(
  series: readonly CellSeriesPoint[],
  options: CellDriftOptions = {},
): CellDriftResult {
  const { minPoints = 3, limit = 5 } = options;
  if (!Number.isInteger(minPoints) || minPoints < 2) {
    throw new AnalyticsError('invalid-options', `minPoints must be a whole number ≥ 2, got ${minPoints}`);
  }
  const { samples, rejected } = prepareSeries(series, (p) => {
    const grid = readCellGrid(p.cellVoltagesMv);
    return grid.cells.length > 0 ? grid : null;
  });
  const byCell = new Map<string, Deviation[]>();
  for (const { t, value } of samples) {
    for (const cells of value.modules) {
      const moduleMedian = cells.length > 0 ? median(cells.map((c) => c.mv)) : 0;
      for (const c of cells) {
        pushTo(byCell, `${c.module}:${c.cell}`, { t, mv: c.mv - moduleMedian });
      }
    }
  }
  const ranked = [...byCell.entries()].map(([key, deviations]) => {
    const [module, cell] = key.split(':').map(Number) as [number, number];
    return { module, cell, ...driftSlope(deviations, minPoints) };
  });
  const slopeOrLast = (d: CellDrift) => d.slopeMvPerWeek ?? Number.POSITIVE_INFINITY;
  ranked.sort((a, b) => slopeOrLast(a) - slopeOrLast(b) || a.module - b.module || a.cell - b.cell);
  return { cells: ranked.slice(0, Math.max(0, Math.floor(limit))), snapshots: samples.length, rejected };
}
