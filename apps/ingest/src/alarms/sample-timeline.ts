import type { PgPool } from '@fleet/db';

/** What the data-gap rule needs of a string's stored timeline before a batch. */
export interface TimelineBefore {
  /** Newest stored sample strictly before the batch (epoch ms), null when none in the look-back. */
  previousMs: number | null;
  /** Whether the batch's last sample is stored, i.e. the writer has committed this batch. */
  batchStored: boolean;
}

/**
 * Reads pack_sample through its (string_id, ts) key. Kept beside the evaluator rather than in a
 * repository because it is one query only the data-gap rule uses.
 */
export class SampleTimeline {
  constructor(private readonly pool: PgPool) {}

  async before(
    stringId: string,
    firstMs: number,
    lastMs: number,
    lookbackS: number,
  ): Promise<TimelineBefore> {
    const { rows } = await this.pool.query<{ previous: Date | null; stored: boolean }>(
      `SELECT (SELECT max(ts) FROM pack_sample
                WHERE string_id = $1 AND ts < $2 AND ts >= $3) AS previous,
              EXISTS (SELECT 1 FROM pack_sample WHERE string_id = $1 AND ts = $4) AS stored`,
      [stringId, new Date(firstMs), new Date(firstMs - lookbackS * 1000), new Date(lastMs)],
    );
    return { previousMs: rows[0]?.previous?.getTime() ?? null, batchStored: rows[0]?.stored === true };
  }
}
