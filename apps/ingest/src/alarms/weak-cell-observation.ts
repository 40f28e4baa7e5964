import { type RuleSet, ruleFor, weakCell } from '@fleet/alarms';
import { cellDrift } from '@fleet/analytics';
import type { CellHistory, StoredCells } from './cell-history.js';
import type { TimedObservation } from './timed-observation.js';

/** A drift needs weeks of snapshots to mean anything; older ones than this are not read. */
const DEFAULT_LOOKBACK_S = 28 * 86_400;
/** Stored snapshots read per judgement (one a day is plenty for a slope in mV/week). */
export const WEAK_CELL_WINDOW = 64;

/**
 * derived.weak_cell for one string's batch that carries cell snapshots: the steepest fall of a
 * cell against its own module's median (mV/week, @fleet/analytics cellDrift) over the stored
 * snapshots before the batch plus the batch's own, observed at the newest snapshot. Too few
 * snapshots for a slope observe null (unjudged), which never fires or clears an alarm.
 */
export async function weakCellObservation(
  history: Pick<CellHistory, 'before'>,
  stringId: string,
  inHand: readonly StoredCells[],
  rules: RuleSet,
): Promise<{ observation: TimedObservation } | { skipped: string }> {
  const rule = ruleFor(rules, 'derived.weak_cell');
  const batch = inHand.filter((c) => Number.isFinite(c.ts));
  if (rule === undefined || batch.length === 0) {
    return { skipped: 'weak-cell.no-rule-or-cells' };
  }
  const lookbackS = typeof rule.params?.lookbackS === 'number' ? rule.params.lookbackS : DEFAULT_LOOKBACK_S;
  const earliest = Math.min(...batch.map((c) => c.ts));
  const stored = await history.before(stringId, earliest, lookbackS, WEAK_CELL_WINDOW);
  const series = [...stored, ...batch].map((c) => ({ ts: c.ts, cellVoltagesMv: c.cellVoltagesMv }));
  const newest = Math.max(...batch.map((c) => c.ts));
  const reading = weakCell(cellDrift(series, { limit: 1 }).cells);
  return {
    observation: {
      ruleId: 'derived.weak_cell',
      at: newest,
      observation: { kind: 'value', value: reading.value },
      cellSnapshotAt: newest,
    },
  };
}
