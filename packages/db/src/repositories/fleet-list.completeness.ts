import type pg from 'pg';
import type { PgPool } from '../client.js';

const HOUR_MS = 3_600_000;

/** The completeness window of `now`: the last 24 whole hours [from, to). */
export function completenessWindow(now: Date): { from: Date; to: Date } {
  const to = new Date(Math.floor(now.getTime() / HOUR_MS) * HOUR_MS);
  return { from: new Date(to.getTime() - 24 * HOUR_MS), to };
}

/**
 * Stores the completeness of `stringIds` for the window of `now` (string_completeness,
 * 20270120000000_string_completeness), inside the caller's transaction. Each string is locked first
 * (advisory, sorted, so two transactions cannot deadlock), and the value is computed by the next
 * statement: under READ COMMITTED that statement's snapshot holds every transaction that stored the
 * same string before, so two rollup runs with different hours of one string cannot leave a value
 * that misses one of them. Strings deleted meanwhile are skipped. Returns the rows stored.
 */
export async function storeCompleteness(
  client: pg.ClientBase,
  stringIds: readonly string[],
  now: Date,
): Promise<number> {
  const ids = [...new Set(stringIds)].sort();
  if (ids.length === 0) {
    return 0;
  }
  const { from, to } = completenessWindow(now);
  await client.query(
    `SELECT count(pg_advisory_xact_lock(hashtext('string_completeness'), hashtext(k)))
       FROM unnest($1::text[]) WITH ORDINALITY AS u(k, i)`,
    [ids],
  );
  const stored = await client.query(
    `INSERT INTO string_completeness (string_id, window_end, completeness_pct, computed_at)
     SELECT b.id, $2::timestamptz, string_completeness_pct(b.id, $3::timestamptz, $2::timestamptz), now()
       FROM bms_string b WHERE b.id = ANY ($1::uuid[])
     ON CONFLICT (string_id) DO UPDATE
       SET window_end = EXCLUDED.window_end, completeness_pct = EXCLUDED.completeness_pct,
           computed_at = EXCLUDED.computed_at`,
    [ids, to, from],
  );
  return stored.rowCount ?? 0;
}

/**
 * Brings every string's stored completeness to the window of `now`: strings without a row or with
 * a row of an earlier window (the window moves every hour), `batch` per transaction. The rollup
 * job runs it after each pass; a seed that writes rollups itself may run it to stand in for the
 * job. Returns the rows stored.
 */
export async function refreshCompleteness(pool: PgPool, now: Date, batch = 500): Promise<number> {
  const { to } = completenessWindow(now);
  let total = 0;
  for (;;) {
    const client = await pool.connect();
    let stored = 0;
    let found = 0;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ id: string }>(
        `SELECT b.id FROM bms_string b LEFT JOIN string_completeness c ON c.string_id = b.id
          WHERE c.window_end IS DISTINCT FROM $1::timestamptz ORDER BY b.id LIMIT $2::int`,
        [to, batch],
      );
      found = rows.length;
      stored = await storeCompleteness(
        client,
        rows.map((r) => r.id),
        now,
      );
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    total += stored;
    if (found < batch) {
      return total;
    }
  }
}
