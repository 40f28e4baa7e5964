import type pg from 'pg';

/**
 * Two samples further apart than this are a gap: the span between them counts for no covered
 * time, energy or state seconds. Above the sampling plan's longest silence (maxSilenceS, 300 s
 * by default, apps/edge-agent sampling-plan.ts) so a quiet string is still covered, and below an
 * hour so a sample can only reach the hour before or after its own.
 */
export const ROLLUP_MAX_GAP_S = 600;

const HOUR_MS = 3_600_000;

export interface RollupDirtyRow {
  stringId: string;
  /** Sample timestamp (ISO 8601 or Date). */
  ts: string | Date;
}

/**
 * The (string, hour) pairs a new sample can change: its own hour, and the neighbour hour when it
 * lies within the gap limit of it (it shortens or creates a span reaching into that hour).
 * Sorted, so concurrent ingest transactions insert them in one order and cannot deadlock.
 */
export function dirtyHours(rows: ReadonlyArray<RollupDirtyRow>): Array<[stringId: string, hour: Date]> {
  const keys = new Set<string>();
  for (const { stringId, ts } of rows) {
    const ms = typeof ts === 'string' ? Date.parse(ts) : ts.getTime();
    if (!Number.isFinite(ms)) {
      continue;
    }
    const first = Math.floor((ms - ROLLUP_MAX_GAP_S * 1000) / HOUR_MS);
    const last = Math.floor((ms + ROLLUP_MAX_GAP_S * 1000) / HOUR_MS);
    for (let h = first; h <= last; h++) {
      keys.add(`${stringId}|${h}`);
    }
  }
  return [...keys].sort().map((key) => {
    const [stringId, hour] = key.split('|') as [string, string];
    return [stringId, new Date(Number(hour) * HOUR_MS)];
  });
}

/**
 * Queues the hours the given samples touch for the rollup job. Call it inside the transaction
 * that writes the samples, so the samples and their dirty marks commit (or vanish) together.
 * Returns how many pairs were newly queued.
 */
export async function markRollupDirty(
  client: pg.ClientBase,
  rows: ReadonlyArray<RollupDirtyRow>,
): Promise<number> {
  const pairs = dirtyHours(rows);
  if (pairs.length === 0) {
    return 0;
  }
  const result = await client.query(
    `INSERT INTO rollup_dirty (string_id, bucket_start)
     SELECT * FROM unnest($1::uuid[], $2::timestamptz[])
     ON CONFLICT (string_id, bucket_start) DO NOTHING`,
    [pairs.map(([id]) => id), pairs.map(([, hour]) => hour)],
  );
  return result.rowCount ?? 0;
}
