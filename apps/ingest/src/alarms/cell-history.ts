import type { PgPool } from '@fleet/db';

export interface StoredCells {
  ts: number;
  cellVoltagesMv: number[][];
}

/**
 * Reads the newest stored per-cell snapshots of a string through cell_snapshot's (string_id, ts)
 * key. Beside the evaluator like SampleTimeline: one query only the weak-cell rule uses.
 */
export class CellHistory {
  constructor(private readonly pool: PgPool) {}

  /** The newest `limit` snapshots stored before `beforeMs` within the look-back, oldest first. */
  async before(stringId: string, beforeMs: number, lookbackS: number, limit: number): Promise<StoredCells[]> {
    const { rows } = await this.pool.query<{ ts: Date; cell_voltages_mv: number[][] }>(
      `SELECT ts, cell_voltages_mv FROM cell_snapshot
        WHERE string_id = $1 AND ts < $2 AND ts >= $3 ORDER BY ts DESC LIMIT $4`,
      [stringId, new Date(beforeMs), new Date(beforeMs - lookbackS * 1000), limit],
    );
    return rows.map((r) => ({ ts: r.ts.getTime(), cellVoltagesMv: r.cell_voltages_mv })).reverse();
  }
}
