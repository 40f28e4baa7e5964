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
   * stretch from before ends at its first sample now. One transaction, strings locked in order,
   * a fixed number of statements per call.
   */
  async refresh(spans: readonly SampleSpan[]): Promise<void> {
    const merged = mergeSpans(spans);
    if (merged.length === 0) {
      return;
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(LOCK_SQL, [merged.map((m) => m.stringId)]);
      await this.refreshAll(client, merged);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** Five statements for the whole group, whatever the number of strings. */
  private async refreshAll(client: pg.ClientBase, spans: readonly SampleSpan[]): Promise<void> {
    const { rows } = await client.query<{ stringId: string; lo: Date; hi: Date }>(BOUNDS_SQL, [
      spans.map((s) => s.stringId),
      spans.map((s) => s.from),
      spans.map((s) => s.to),
    ]);
    const bounds = [rows.map((r) => r.stringId), rows.map((r) => r.lo), rows.map((r) => r.hi)];
    await client.query(CUT_SQL, bounds);
    await client.query(DROP_SHORT_SQL, [...bounds, this.maxGapS]);
    const known = (await client.query<DataGapRow & { stringId: string }>(DROP_STRETCH_SQL, bounds)).rows;
    await client.query(INSERT_SQL, [
      ...bounds,
      this.maxGapS,
      known.map((k) => k.stringId),
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

// The stretch whose gaps are recomputed, per string: from the stored sample before the batch's
// oldest ($2) to the one after its newest ($3), or the batch's own ends.
const BOUNDS_SQL = `
SELECT w.string_id AS "stringId",
       coalesce((SELECT max(p.ts) FROM pack_sample p WHERE p.string_id = w.string_id AND p.ts < w.f), w.f) AS lo,
       coalesce((SELECT min(p.ts) FROM pack_sample p WHERE p.string_id = w.string_id AND p.ts > w.t), w.t) AS hi
  FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS w(string_id, f, t)`;

/** The bounds as a relation: `$1` ids, `$2` lo, `$3` hi. */
const B = 'unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS b(string_id, lo, hi)';

// A gap from before a stretch that reaches into it ends at its next stored sample now, and is
// gone if that leaves it within the limit ($4 seconds).
const CUT_SQL = `
UPDATE data_gap d SET gap_end = (SELECT min(p.ts) FROM pack_sample p WHERE p.string_id = d.string_id AND p.ts > d.gap_start)
  FROM ${B}
 WHERE d.string_id = b.string_id AND d.gap_start < b.lo AND d.gap_end > b.lo`;
const DROP_SHORT_SQL = `
DELETE FROM data_gap d USING ${B}
 WHERE d.string_id = b.string_id AND d.gap_start < b.lo AND d.gap_end - d.gap_start <= make_interval(secs => $4)`;

const DROP_STRETCH_SQL = `
DELETE FROM data_gap d USING ${B}
 WHERE d.string_id = b.string_id AND d.gap_start >= b.lo AND d.gap_start < b.hi
RETURNING d.string_id AS "stringId", d.gap_start AS "gapStart", d.gap_end AS "gapEnd", d.detected_at AS "detectedAt"`;

// Gaps between consecutive samples of each stretch; a gap found again keeps when it was first
// detected ($5..$8: the rows DROP_STRETCH_SQL removed).
const INSERT_SQL = `
INSERT INTO data_gap (string_id, gap_start, gap_end, detected_at)
SELECT g.string_id, g.prev, g.ts, coalesce(k.detected_at, now())
  FROM (SELECT p.string_id, p.ts, lag(p.ts) OVER (PARTITION BY p.string_id ORDER BY p.ts) AS prev
          FROM ${B} JOIN pack_sample p ON p.string_id = b.string_id AND p.ts BETWEEN b.lo AND b.hi) g
  LEFT JOIN unnest($5::uuid[], $6::timestamptz[], $7::timestamptz[], $8::timestamptz[])
         AS k(string_id, gap_start, gap_end, detected_at)
    ON k.string_id = g.string_id AND k.gap_start = g.prev AND k.gap_end = g.ts
 WHERE g.prev IS NOT NULL AND g.ts - g.prev > make_interval(secs => $4)`;

// Refreshes of the same string wait for each other; the locks are taken in one order.
const LOCK_SQL = `
SELECT pg_advisory_xact_lock(h) FROM (SELECT hashtext('data_gap:' || id) AS h FROM unnest($1::text[]) AS id ORDER BY 1) s`;

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
