import type { PackSample } from '@fleet/telemetry';
import type pg from 'pg';
import type { PgPool } from '../client.js';
import { type CellSnapshotRow, insertCellSnapshots } from './cell-snapshot.repository.js';
import { INSERT_PACK_SAMPLES_SQL, packSampleParameters } from './pack-sample.columns.js';
import { type TimeBucketFlavor, timeBucketExpression } from './time-bucket.js';

export interface PackSampleRow {
  stringId: string;
  sample: PackSample;
}

export interface StoreBatchInput {
  /** Ledger key of the batch (see apps/ingest README: `<gatewayId>:<bootId>:<seq>`). */
  msgId: string;
  gatewayId: string;
  rows: PackSampleRow[];
  /** Per-cell snapshots of the same batch (cell_snapshot), stored in the same transaction. */
  cellSnapshots?: CellSnapshotRow[];
}

export interface StoreBatchResult {
  /** The ledger already had this batch: nothing was written. */
  duplicate: boolean;
  /** Sample rows inserted (rows whose (string, ts) already existed are skipped). */
  stored: number;
  /** cell_snapshot rows inserted. */
  storedCellSnapshots?: number;
}

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

/** Time-series writes (and bucketed reads) of pack_sample, with pg beside Prisma. */
export class PackSampleRepository {
  private flavor: Promise<TimeBucketFlavor> | undefined;

  constructor(private readonly pool: PgPool) {}

  /**
   * Stores one batch in one transaction: the ingest_batch ledger row first (a batch already in
   * the ledger is a duplicate and writes nothing), then the samples, then the last-seen marks.
   */
  async storeBatch(input: StoreBatchInput): Promise<StoreBatchResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const ledger = await client.query(
        'INSERT INTO ingest_batch (msg_id, gateway_id, sample_count) VALUES ($1, $2, $3) ON CONFLICT (msg_id) DO NOTHING',
        [input.msgId, input.gatewayId, input.rows.length + (input.cellSnapshots?.length ?? 0)],
      );
      if (ledger.rowCount === 0) {
        await client.query('ROLLBACK');
        return { duplicate: true, stored: 0 };
      }
      const inserted = input.rows.length
        ? await client.query(INSERT_PACK_SAMPLES_SQL, packSampleParameters(input.rows))
        : { rowCount: 0 };
      const storedCellSnapshots = await insertCellSnapshots(client, input.cellSnapshots ?? []);
      await touchLastSeen(client, input);
      await client.query('COMMIT');
      return {
        duplicate: false,
        stored: inserted.rowCount ?? 0,
        ...(input.cellSnapshots ? { storedCellSnapshots } : {}),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
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

  private timeBucketFlavor(): Promise<TimeBucketFlavor> {
    this.flavor ??= this.pool
      .query<{ ts: boolean }>(
        "SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') AS ts",
      )
      .then((r) => (r.rows[0]?.ts ? 'timescaledb' : 'postgres'));
    return this.flavor;
  }
}

/**
 * Moves bms_string.last_sample_at and gateway.last_seen_at forward to the newest sample of the
 * batch, never backwards (a replayed old batch) and never past now() (a gateway clock ahead).
 */
async function touchLastSeen(client: pg.PoolClient, input: StoreBatchInput): Promise<void> {
  const newest = new Map<string, string>();
  for (const { stringId, sample } of input.rows) {
    const seen = newest.get(stringId);
    if (!seen || Date.parse(sample.ts) > Date.parse(seen)) {
      newest.set(stringId, sample.ts);
    }
  }
  const ids = [...newest.keys()].sort();
  await client.query(
    `UPDATE bms_string s SET last_sample_at = GREATEST(s.last_sample_at, LEAST(u.ts, now()))
       FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, ts) WHERE s.id = u.id`,
    [ids, ids.map((id) => newest.get(id))],
  );
  const latest = [...newest.values()].reduce<string | null>(
    (a, b) => (a === null || Date.parse(b) > Date.parse(a) ? b : a),
    null,
  );
  await client.query(
    'UPDATE gateway SET last_seen_at = GREATEST(last_seen_at, LEAST($2::timestamptz, now())) WHERE id = $1',
    [input.gatewayId, latest ?? new Date()],
  );
}
