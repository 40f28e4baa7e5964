import type { PgPool } from '@fleet/db';

/**
 * Reads pack_sample's stored times through its (string_id, ts) key. Kept beside the evaluator
 * rather than in a repository because it is one query only the data-gap rule uses.
 */
export class SampleTimeline {
  constructor(private readonly pool: PgPool) {}

  /** The newest `limit` stored sample times before `beforeMs` within the look-back, oldest first. */
  async before(stringId: string, beforeMs: number, lookbackS: number, limit: number): Promise<number[]> {
    const { rows } = await this.pool.query<{ ts: Date }>(
      `SELECT ts FROM pack_sample WHERE string_id = $1 AND ts < $2 AND ts >= $3 ORDER BY ts DESC LIMIT $4`,
      [stringId, new Date(beforeMs), new Date(beforeMs - lookbackS * 1000), limit],
    );
    return rows.map((r) => r.ts.getTime()).reverse();
  }
}
