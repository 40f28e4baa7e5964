import { median, readCellGrid } from './read-cell-grid.js';

/** A cell ranked by how far it sits below its own module. */
export interface WeakCell {
  module: number;
  cell: number;
  mv: number;
  moduleMedianMv: number;
  /** mv − moduleMedianMv: negative below the module. */
  deviationMv: number;
}

/**
 * The `limit` weakest cells of a snapshot (default 5), lowest deviation from their own module's
 * median first. Against the module, not the string, because modules sit at different SOC after
 * balancing and a whole low module would otherwise hide a single weak cell; the median so one bad
 * cell does not move its own reference. Ties go to the lower voltage, then the lower position.
 */
export function rankWeakCells(cellVoltagesMv: readonly (readonly number[])[], limit = 5): WeakCell[] {
  const { modules } = readCellGrid(cellVoltagesMv);
  const ranked: WeakCell[] = [];
  for (const cells of modules) {
    if (cells.length === 0) {
      continue;
    }
    const moduleMedianMv = median(cells.map((c) => c.mv));
    for (const c of cells) {
      ranked.push({ ...c, moduleMedianMv, deviationMv: c.mv - moduleMedianMv });
    }
  }
  ranked.sort(
    (a, b) => a.deviationMv - b.deviationMv || a.mv - b.mv || a.module - b.module || a.cell - b.cell,
  );
  return ranked.slice(0, Math.max(0, Math.floor(limit)));
}
