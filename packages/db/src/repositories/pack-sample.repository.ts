import type pg from 'pg';
import type { PgPool } from '../client.js';
import { type CellSnapshotRow, copyCellSnapshots } from './cell-snapshot.repository.js';
import { copyLines, PACK_SAMPLE_COPY_COLUMNS, packSampleCopyLine } from './pack-sample.copy.js';
import { isRowRefusal, writeIsolated } from './pack-sample.isolate.js';
import { touchLastSeen } from './pack-sample.last-seen.js';
import type {
  PackSampleRow,
  StoreBatchesResult,
  StoreBatchInput,
  StoreBatchResult,
} from './pack-sample.types.js';
import { prepareBatch, writeGroup } from './pack-sample.write.js';
import { markRollupDirty } from './rollup-dirty.js';
import { upsertStringLatest } from './string-latest.js';
import { type TimeBucketFlavor, timeBucketExpression } from './time-bucket.js';

export type {
  PackSampleRow,
  StoreBatchesResult,
  StoreBatchInput,
  StoreBatchResult,
  StorePath,
} from './pack-sample.types.js';

export interface PackSampleBucket {
  bucket: Date;
  samples: number;
  packVoltageDvAvg: number;
  packCurrentDaAvg: number;
  socPctMin: number;
  socPctMax: number;
  cellMinMv: number | null;
  cellMaxMv: number | null;
  bmsTempDcMax: number;
}

const UNIQUE_VIOLATION = '23505';

const sqlState = (error: unknown) => (error as { code?: unknown } | null)?.code;

/**
 * Time-series writes (and bucketed reads) of pack_sample, with pg beside Prisma.
 *
 * Write path (apps/ingest README, "The write path"): a group of batches is ONE transaction:
 * ledger rows, then a direct COPY of the accepted batches' rows, guarded by the ledger. Only if
 * that COPY meets rows already stored (unique_violation) is the group written again through a
 * staging table with ON CONFLICT DO NOTHING; a row the database refuses sends its batch down the
 * row-by-row path that quarantines it.
 */
export class PackSampleRepository {
  private flavor: Promise<TimeBucketFlavor> | undefined;

  constructor(private readonly pool: PgPool) {}

  /**
   * Stores one batch: as storeBatches, and when the database refuses a row, the batch again row
   * by row with the refused rows quarantined (quarantined_sample) and the rest stored.
   */
  async storeBatch(input: StoreBatchInput): Promise<StoreBatchResult> {
    try {
      const { results } = await this.storeBatches([input]);
      return results[0] ?? { duplicate: true, stored: 0 };
    } catch (error) {
      if (!isRowRefusal(error)) {
        throw error;
      }
    }
    return this.transaction(async (client) => {
      const isolated = await writeIsolated(client, prepareBatch(input));
      if (!isolated) {
        return { duplicate: true, stored: 0 };
      }
      await this.afterWrite(client, [input], isolated.written);
      return isolated.result;
    });
  }

  /**
   * Stores several batches in ONE transaction (one COPY for all their rows), all or nothing:
   * a refused row fails the whole group (the caller stores its batches one by one instead).
   * Rows that break a column's range are quarantined before the COPY. Results in input order;
   * a msg id already in the ledger, or twice in the group, is a duplicate.
   */
  async storeBatches(inputs: readonly StoreBatchInput[]): Promise<StoreBatchesResult> {
    const prepared = inputs.map(prepareBatch);
    const run = (path: 'copy' | 'merge') =>
      this.transaction(async (client) => {
        const group = await writeGroup(client, prepared, path);
        await this.afterWrite(client, group.accepted, group.written);
        return { path, results: group.results };
      });
    try {
      return await run('copy');
    } catch (error) {
      if (sqlState(error) !== UNIQUE_VIOLATION) {
        throw error;
      }
    }
    return run('merge');
  }

  /**
   * A bare COPY of rows into pack_sample and cell_snapshot in one transaction: no ledger, no
   * dedupe, no last-seen or rollup marks. For bulk loads into an empty range, and as the
   * baseline `npm run bench:ingest` compares the whole ingest path with.
   */
  async bulkCopy(
    rows: readonly PackSampleRow[],
    cellSnapshots: readonly CellSnapshotRow[] = [],
  ): Promise<void> {
    await this.transaction(async (client) => {
      await copyLines(client, 'pack_sample', PACK_SAMPLE_COPY_COLUMNS, rows.map(packSampleCopyLine));
      await copyCellSnapshots(client, cellSnapshots);
    });
  }

  /**
   * Aggregates of one string's samples in [from, to) per bucket of `bucketSeconds`, aligned
   * to 2000-01-01T00:00Z: `time_bucket` on TimescaleDB, `date_bin` on plain PostgreSQL
   * (same origin, so both give the same buckets).
   */
  async buckets(query: {
    stringId: string;
    from: Date;
    to: Date;
    bucketSeconds: number;
  }): Promise<PackSampleBucket[]> {
    const bucket = timeBucketExpression(await this.timeBucketFlavor(), '$4', 'ts');
    const { rows } = await this.pool.query<PackSampleBucket>(
      `SELECT ${bucket} AS bucket,
              count(*)::int AS samples,
              avg(pack_voltage_dv)::float8 AS "packVoltageDvAvg",
              avg(pack_current_da)::float8 AS "packCurrentDaAvg",
              min(soc_pct)::int AS "socPctMin",
              max(soc_pct)::int AS "socPctMax",
              min(cell_min_mv) AS "cellMinMv",
              max(cell_max_mv) AS "cellMaxMv",
              max(bms_temp_dc) AS "bmsTempDcMax"
         FROM pack_sample
        WHERE string_id = $1 AND ts >= $2 AND ts < $3
        GROUP BY 1 ORDER BY 1`,
      [query.stringId, query.from, query.to, `${query.bucketSeconds} seconds`],
    );
    return rows;
  }

  /**
   * In the batch transaction, after the rows: the last-seen marks of the accepted batches, the
   * rollup marks and string_latest of the rows actually inserted (every write path ends here).
   */
  private async afterWrite(
    client: pg.PoolClient,
    accepted: readonly StoreBatchInput[],
    written: readonly PackSampleRow[],
  ): Promise<void> {
    await touchLastSeen(client, accepted);
    await markRollupDirty(
      client,
      written.map((r) => ({ stringId: r.stringId, ts: r.sample.ts })),
    );
    await upsertStringLatest(client, written);
  }

  private async transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private timeBucketFlavor(): Promise<TimeBucketFlavor> {
    this.flavor ??= this.pool
      .query<{ ts: boolean }>(
        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS ts",
      )
      .then((r) => (r.rows[0]?.ts ? 'timescaledb' : 'postgres'));
    return this.flavor;
  }
}
