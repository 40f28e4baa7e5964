import type { CellSnapshot } from '@fleet/telemetry';
import { prepareSeries, type RejectCounts } from '../series/prepare-series.js';
import type { Timestamp } from '../series/timestamp.js';
import { cellSpread } from './cell-spread.js';
import { DEFAULT_REST_CURRENT_DA, type LoadCondition } from './load-condition.js';

/** A snapshot with the pack current it was read at (0.1 A); without one its condition is unknown. */
export type ConditionedSnapshot = { ts: Timestamp; packCurrentDa?: number } & Pick<
  CellSnapshot,
  'cellVoltagesMv'
>;

/** Spreads of the snapshots read in one condition. */
export interface ConditionSpread {
  snapshots: number;
  /** Spread of the latest snapshot in this condition, mV; `null` when there was none. */
  latestMv: number | null;
  /** When that latest snapshot was taken, epoch ms. */
  latestAtMs: number | null;
  meanMv: number | null;
  maxMv: number | null;
}

export type SpreadByCondition = Record<LoadCondition, ConditionSpread> & { rejected: RejectCounts };

const empty = (): ConditionSpread => ({
  snapshots: 0,
  latestMv: null,
  latestAtMs: null,
  meanMv: null,
  maxMv: null,
});

/**
 * Cell spread over a series of snapshots, kept apart at rest, under load and unknown: a spread
 * under load includes every cell's internal-resistance drop and would make a rest trend jump.
 * Snapshots without a usable cell count as `badValue`.
 */
export function spreadByCondition(
  snapshots: readonly ConditionedSnapshot[],
  restCurrentDa = DEFAULT_REST_CURRENT_DA,
): SpreadByCondition {
  const { samples, rejected } = prepareSeries(snapshots, (s) => {
    const spread = cellSpread(s.cellVoltagesMv, { packCurrentDa: s.packCurrentDa, restCurrentDa });
    return spread.kind === 'spread' ? spread : null;
  });
  const result: SpreadByCondition = { rest: empty(), load: empty(), unknown: empty(), rejected };
  for (const { t, value } of samples) {
    const c = result[value.condition];
    c.meanMv = ((c.meanMv ?? 0) * c.snapshots + value.spreadMv) / (c.snapshots + 1);
    c.snapshots++;
    c.maxMv = Math.max(c.maxMv ?? value.spreadMv, value.spreadMv);
    c.latestMv = value.spreadMv;
    c.latestAtMs = t;
  }
  return result;
}
