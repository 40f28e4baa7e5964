import type { PgPool } from '../client.js';

/** Time-series tables whose monthly partitions the project manages on plain PostgreSQL. */
const PARTITIONED_TABLES = ['pack_sample', 'cell_snapshot', 'bms_event'] as const;

/**
 * Keeps monthly partitions ahead of the data on plain PostgreSQL (ensure_time_partitions(),
 * migration 20261125120100_pack_sample). On TimescaleDB the function returns 0: chunks are
 * TimescaleDB's business.
 */
export class TimePartitionRepository {
  constructor(private readonly pool: PgPool) {}

  /** Creates the missing partitions covering [from, to); returns how many it created. */
  async ensurePartitions(from: Date, to: Date): Promise<number> {
    let created = 0;
    for (const table of PARTITIONED_TABLES) {
      const { rows } = await this.pool.query<{ created: number }>(
        'SELECT ensure_time_partitions($1::regclass, $2, $3) AS created',
        [table, from, to],
      );
      created += rows[0]?.created ?? 0;
    }
    return created;
  }
}
