import type { CellSnapshot } from '@fleet/telemetry';
import { AnalyticsError } from '../analytics-error.js';
import { prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import type { Timestamp } from '../series/timestamp.js';
import { type Deviation, type DriftSlope, driftSlope, pushTo } from './drift-slope.js';
import { mean, readCellGrid } from './read-cell-grid.js';

/** One snapshot in a series: a telemetry `CellSnapshot`, a `cell_snapshot` row, … */
export type CellSeriesPoint = { ts: Timestamp } & Pick<CellSnapshot, 'cellVoltagesMv'>;

/** How one module's mean moves against the string's mean. */
export type ModuleDrift = { module: number } & DriftSlope;

export interface ModuleDriftResult {
  /** Every module seen, in physical order. */
  modules: ModuleDrift[];
  /** Snapshots used. */
  snapshots: number;
  /** Snapshots set aside; `badValue` = no usable cell in it. */
  rejected: RejectCounts;
}

/**
 * Per module, the slope (mV/week) of its mean cell voltage's deviation from the string's mean
 * cell voltage, over a series of snapshots. A module drifting down is losing charge relative to
 * the others (self-discharge, a weak cell, its balancing). Feed snapshots of one condition (rest
 * or load, see {@link loadCondition}) so the internal-resistance drop does not move the deviation.
 */
export function moduleDrift(series: readonly CellSeriesPoint[], minPoints = 3): ModuleDriftResult {
  if (!Number.isInteger(minPoints) || minPoints < 2) {
    throw new AnalyticsError('invalid-options', `minPoints must be a whole number ≥ 2, got ${minPoints}`);
  }
  const { samples, rejected } = prepareSeries(series, (p) => {
    const grid = readCellGrid(p.cellVoltagesMv);
    return grid.cells.length > 0 ? grid : null;
  });
  const byModule = new Map<number, Deviation[]>();
  for (const { t, value } of samples) {
    const stringMean = mean(value.cells.map((c) => c.mv));
    value.modules.forEach((cells, module) => {
      if (cells.length > 0) {
        pushTo(byModule, module, { t, mv: mean(cells.map((c) => c.mv)) - stringMean });
      }
    });
  }
  const modules = [...byModule.entries()]
    .sort(([a], [b]) => a - b)
    .map(([module, deviations]) => ({ module, ...driftSlope(deviations, minPoints) }));
  return { modules, snapshots: samples.length, rejected };
}
