import { cellSpread, rankWeakCells } from '@fleet/analytics';
import { robustOutliers, TEMPERATURE_RULE, VOLTAGE_RULE } from './robust-outliers.js';

/** The grid of a stored snapshot and what the site view shows about it. */
export interface CellAnalysis {
  voltage: ReturnType<typeof robustOutliers>;
  temperature: ReturnType<typeof robustOutliers>;
  spreadMv: number | null;
  weakest: ReturnType<typeof rankWeakCells>;
}

export const RULE_DESCRIPTION =
  "A value is an outlier when it is further from the string's median than the larger of " +
  `${VOLTAGE_RULE.k} × 1.4826 × MAD (median absolute deviation) and a floor ` +
  `(${VOLTAGE_RULE.floor} mV for cell voltages, ${TEMPERATURE_RULE.floor / 10} °C for temperatures).`;

/**
 * Outliers against the whole string (robustOutliers), plus the spread and the weakest cells
 * against their own module from @fleet/analytics. Null entries (not read, or padding of a shorter
 * module) become 0 for the analytics functions, which count 0 as a cell that was not read.
 */
export function analyseCells(
  cellVoltagesMv: readonly (readonly (number | null)[])[],
  cellTempsDc: readonly (readonly (number | null)[])[] | null,
): CellAnalysis {
  const volts = cellVoltagesMv.map((row) => row.map((v) => v ?? 0));
  const spread = cellSpread(volts);
  return {
    voltage: robustOutliers(cellVoltagesMv, VOLTAGE_RULE),
    temperature: cellTempsDc ? robustOutliers(cellTempsDc, TEMPERATURE_RULE) : null,
    spreadMv: spread.kind === 'spread' ? spread.spreadMv : null,
    weakest: rankWeakCells(volts, 3),
  };
}
