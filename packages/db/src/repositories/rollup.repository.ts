import type pg from 'pg';
import type { PgPool } from '../client.js';
import { completenessWindow, refreshCompleteness, storeCompleteness } from './fleet-list.completeness.js';
import { ROLLUP_MAX_GAP_S } from './rollup-dirty.js';
import { dayOf, ROLLUP_DAYS_SQL, ROLLUP_HOURS_SQL, ROLLUP_MINUTES_SQL, rollupTable } from './rollup-sql.js';

export interface RollupRunOptions {
  /** Most dirty hours claimed by this run (one transaction). */
  maxHours: number;
  /**
   * Dirty hours starting before this are dropped from the queue without recomputing: their raw
   * samples may be partly gone to retention, and a recompute from what is left would overwrite a
   * complete rollup with a partial one.
   */
  recomputeAfter: Date;
  /** The clock for the completeness window (string_completeness); default now. */
  now?: Date;
}

export interface RollupRunResult {
  /** (string, hour) pairs recomputed into 1m and 1h. */
  hours: number;
  /** (string, day) pairs recomputed into 1d. */
  days: number;
  /** Claimed pairs older than `recomputeAfter`, dropped. */
  skippedOld: number;
}

const CLAIM_SQL = `
DELETE FROM rollup_dirty d
 USING (SELECT string_id, bucket_start FROM rollup_dirty
         ORDER BY string_id, bucket_start
         LIMIT $1 FOR UPDATE SKIP LOCKED) c
 WHERE d.string_id = c.string_id AND d.bucket_start = c.bucket_start
RETURNING d.string_id AS "stringId", d.bucket_start AS "hour"`;

/**
 * The rollup job's database side: claims dirty (string, hour) pairs, recomputes their 1-minute and
 * 1-hour rows from raw samples and their days' 1-day rows from the 1-hour rows, all in one
 * transaction, with the stored completeness of strings whose recomputed hours fall in the fleet
 * list's 24 h window. A crash rolls the claim back with the upserts; rows another run has locked
 * are skipped, so concurrent runs split the queue instead of doing the same work.
 */
export class RollupRepository {
  constructor(
    private readonly pool: PgPool,
    private readonly maxGapS = ROLLUP_MAX_GAP_S,
  ) {}

  async runOnce(options: RollupRunOptions): Promise<RollupRunResult> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const claimed = await client.query<{ stringId: string; hour: Date }>(CLAIM_SQL, [options.maxHours]);
      const fresh = claimed.rows.filter((r) => r.hour >= options.recomputeAfter);
      const days = distinctDays(fresh);
      await lockDays(client, days);
      if (fresh.length > 0) {
        const params = [fresh.map((r) => r.stringId), fresh.map((r) => r.hour), this.maxGapS];
        await client.query(ROLLUP_MINUTES_SQL, params);
        await client.query(ROLLUP_HOURS_SQL, params);
        await client.query(ROLLUP_DAYS_SQL, [days.map((d) => d.stringId), days.map((d) => d.day)]);
        // Strings with a recomputed hour inside the fleet list's completeness window get their
        // stored completeness in the same transaction (after the rollup locks: no deadlock).
        const now = options.now ?? new Date();
        const { from, to } = completenessWindow(now);
        const inWindow = fresh.filter((r) => r.hour >= from && r.hour < to).map((r) => r.stringId);
        await storeCompleteness(client, inWindow, now);
      }
      await client.query('COMMIT');
      return { hours: fresh.length, days: days.length, skippedOld: claimed.rows.length - fresh.length };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Moves every string's stored completeness (string_completeness) to the window of `now`: the
   * window moves every hour, also for strings that sent nothing since. Returns the rows stored.
   */
  refreshCompleteness(now: Date = new Date()): Promise<number> {
    return refreshCompleteness(this.pool, now);
  }

  /** Dirty (string, hour) pairs waiting, for progress logs. */
  async pending(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM rollup_dirty');
    return rows[0]?.n ?? 0;
  }

  /**
   * Creates the rollup tables' partitions covering [from, to) on plain PostgreSQL (1m monthly by
   * hour_start, 1h/1d yearly); 0 on TimescaleDB. Rows outside them wait in the default partitions.
   */
  async ensurePartitions(from: Date, to: Date): Promise<number> {
    let created = 0;
    for (const [table, step] of [
      ['string_rollup_1m', 'month'],
      [rollupTable('1h'), 'year'],
      [rollupTable('1d'), 'year'],
    ] as const) {
      const { rows } = await this.pool.query<{ created: number }>(
        'SELECT ensure_rollup_partitions($1::regclass, $2, $3, $4) AS created',
        [table, from, to, step],
      );
      created += rows[0]?.created ?? 0;
    }
    return created;
  }
}

interface StringDay {
  stringId: string;
  day: Date;
}

function distinctDays(hours: ReadonlyArray<{ stringId: string; hour: Date }>): StringDay[] {
  const byKey = new Map<string, StringDay>();
  for (const { stringId, hour } of hours) {
    const day = dayOf(hour);
    byKey.set(`${stringId}|${day.toISOString()}`, { stringId, day });
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Serialises runs that touch the same (string, day): two runs holding different hours of one day
 * would each recompute the day from 1-hour rows without the other's uncommitted hour. The second
 * waits here, and its later statements (READ COMMITTED: a snapshot per statement) see the first
 * run's committed hours. Taken in sorted order, so two runs cannot deadlock.
 */
async function lockDays(client: pg.ClientBase, days: ReadonlyArray<StringDay>): Promise<void> {
  if (days.length === 0) {
    return;
  }
  await client.query(
    `SELECT count(pg_advisory_xact_lock(hashtext('string_rollup_day'), hashtext(k)))
       FROM unnest($1::text[]) WITH ORDINALITY AS u(k, i)`,
    [days.map((d) => `${d.stringId}|${d.day.toISOString()}`)],
  );
}
