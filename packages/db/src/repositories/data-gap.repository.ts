import type pg from 'pg';
import type { PgPool } from '../client.js';
import { ROLLUP_MAX_GAP_S } from './rollup-dirty.js';

/** The time a batch of one string covered (its oldest and newest sample). */
export interface SampleSpan {
  stringId: string;
  from: Date;
  to: Date;
}

export interface DataGapRow {
  gapStart: Date;
  gapEnd: Date;
  detectedAt: Date;
}

/**
 * data_gap (SQL-only): holes between consecutive stored pack samples of a string longer than the
 * rollup gap limit (ROLLUP_MAX_GAP_S, the same limit below which rollups count a span as covered).
 * Kept current from what is stored, never from what a batch claims, so it is idempotent under
 * replays and concurrent writers.
 */
export class DataGapRepository {
  constructor(
    private readonly pool: PgPool,
    private readonly maxGapS = ROLLUP_MAX_GAP_S,
  ) {}

  /**
   * Recomputes the gaps around freshly stored samples: for each span, from the stored sample
   * before it to the one after it. Gaps starting inside that stretch are replaced by what the
   * samples now say (a late batch filling a hole deletes it or splits it); a gap reaching into the
   * stretch from before ends at its first sample now. One transaction, strings locked in order.
   */
  async refresh(spans: readonly SampleSpan[]): Promise<void> {
    const merged = mergeSpans(spans);
    if (merged.length === 0) {
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      for (const span of merged) {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`data_gap:${span.stringId}`]);
        await this.refreshOne(client, span);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async refreshOne(client: pg.ClientBase, span: SampleSpan): Promise<void> {
    const id = span.stringId;
    const { rows } = await client.query<{ lo: Date; hi: Date }>(BOUNDS_SQL, [id, span.from, span.to]);
    const { lo, hi } = rows[0] ?? { lo: span.from, hi: span.to };
    await client.query(CUT_SQL, [id, lo]);
    await client.query(DROP_SHORT_SQL, [id, lo, this.maxGapS]);
    const known = (await client.query<DataGapRow>(DROP_STRETCH_SQL, [id, lo, hi])).rows;
    await client.query(INSERT_SQL, [
      id,
      lo,
      hi,
      this.maxGapS,
      known.map((k) => k.gapStart),
      known.map((k) => k.gapEnd),
      known.map((k) => k.detectedAt),
    ]);
  }

  /** Gaps overlapping [from, to), oldest first. */
  async list(stringId: string, from: Date, to: Date, limit: number): Promise<DataGapRow[]> {
    const { rows } = await this.pool.query<DataGapRow>(
      `SELECT gap_start AS "gapStart", gap_end AS "gapEnd", detected_at AS "detectedAt"
         FROM data_gap WHERE string_id = $1 AND gap_end > $2 AND gap_start < $3
        ORDER BY gap_start LIMIT $4`,
      [stringId, from, to, limit],
    );
    return rows;
  }
}

// $1 string, $2/$3 the batch's oldest/newest sample: the stored samples just before and after
// it (or the batch's own ends), the stretch whose gaps are recomputed.
const BOUNDS_SQL = `
SELECT coalesce((SELECT max(ts) FROM pack_sample WHERE string_id = $1 AND ts < $2), $2) AS lo,
       coalesce((SELECT min(ts) FROM pack_sample WHERE string_id = $1 AND ts > $3), $3) AS hi`;

// A gap from before the stretch that reaches into it ends at its next stored sample now; gone
// if that leaves it within the limit ($3 seconds).
const CUT_SQL = `
UPDATE data_gap d SET gap_end = (SELECT min(p.ts) FROM pack_sample p WHERE p.string_id = $1 AND p.ts > d.gap_start)
 WHERE d.string_id = $1 AND d.gap_start < $2 AND d.gap_end > $2`;
const DROP_SHORT_SQL = `
DELETE FROM data_gap WHERE string_id = $1 AND gap_start < $2 AND gap_end - gap_start <= make_interval(secs => $3)`;

const DROP_STRETCH_SQL = `
DELETE FROM data_gap WHERE string_id = $1 AND gap_start >= $2 AND gap_start < $3
RETURNING gap_start AS "gapStart", gap_end AS "gapEnd", detected_at AS "detectedAt"`;

// Gaps between consecutive samples of [lo, hi]; a gap found again keeps when it was first detected.
const INSERT_SQL = `
INSERT INTO data_gap (string_id, gap_start, gap_end, detected_at)
SELECT $1, g.prev, g.ts, coalesce(k.detected_at, now())
  FROM (SELECT ts, lag(ts) OVER (ORDER BY ts) AS prev
          FROM pack_sample WHERE string_id = $1 AND ts BETWEEN $2 AND $3) g
  LEFT JOIN unnest($5::timestamptz[], $6::timestamptz[], $7::timestamptz[]) AS k(gap_start, gap_end, detected_at)
    ON k.gap_start = g.prev AND k.gap_end = g.ts
 WHERE g.prev IS NOT NULL AND g.ts - g.prev > make_interval(secs => $4)`;

/** One span per string (its oldest to newest sample), so each string is locked and read once. */
function mergeSpans(spans: readonly SampleSpan[]): SampleSpan[] {
  const byString = new Map<string, SampleSpan>();
  for (const s of spans) {
    const seen = byString.get(s.stringId);
    byString.set(
      s.stringId,
      seen
        ? {
            stringId: s.stringId,
            from: new Date(Math.min(s.from.getTime(), seen.from.getTime())),
            to: new Date(Math.max(s.to.getTime(), seen.to.getTime())),
          }
        : s,
    );
  }
  return [...byString.values()].sort((a, b) => a.stringId.localeCompare(b.stringId));
}
