import { DEFAULT_RULES } from '@fleet/alarms';
import { describe, expect, it } from 'vitest';
import type { StoredCells } from './cell-history.js';
import { weakCellObservation } from './weak-cell-observation.js';

const WEEK = 7 * 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');

/** Module 0 of three cells; cell 1 falls `fallPerWeek` mV a week against its neighbours. */
function snapshot(week: number, fallPerWeek: number): StoredCells {
  return { ts: T0 + week * WEEK, cellVoltagesMv: [[3300, 3300 - fallPerWeek * week, 3300]] };
}

/** A CellHistory that answers from a list and records what it was asked. */
function history(stored: StoredCells[]) {
  const asked: { beforeMs: number; limit: number }[] = [];
  return {
    asked,
    before: async (_id: string, beforeMs: number, _lookbackS: number, limit: number) => {
      asked.push({ beforeMs, limit });
      return stored.filter((s) => s.ts < beforeMs);
    },
  };
}

describe('weakCellObservation', () => {
  it('observes the steepest fall against the module median over stored + in-hand snapshots', async () => {
    const h = history([snapshot(0, 10), snapshot(1, 10), snapshot(2, 10)]);
    const result = await weakCellObservation(h, 'string-1', [snapshot(3, 10)], DEFAULT_RULES);
    // Hand-computed: cell 1 sits 0, 10, 20, 30 mV under the median at weeks 0..3 → −10 mV/week.
    expect(result).toEqual({
      observation: {
        ruleId: 'derived.weak_cell',
        at: T0 + 3 * WEEK,
        observation: { kind: 'value', value: -10 },
        cellSnapshotAt: T0 + 3 * WEEK,
      },
    });
    expect(h.asked).toEqual([{ beforeMs: T0 + 3 * WEEK, limit: 64 }]);
  });

  it('observes null (unjudged) while there are too few snapshots for a slope', async () => {
    const result = await weakCellObservation(history([]), 'string-1', [snapshot(0, 10)], DEFAULT_RULES);
    expect(result).toMatchObject({ observation: { observation: { kind: 'value', value: null } } });
  });

  it('skips a batch without snapshots', async () => {
    expect(await weakCellObservation(history([]), 'string-1', [], DEFAULT_RULES)).toEqual({
      skipped: 'weak-cell.no-rule-or-cells',
    });
  });
});
