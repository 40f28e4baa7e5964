import type pg from 'pg';
import { copyLines, PACK_SAMPLE_COPY_COLUMNS, packSampleCopyLine } from './pack-sample.copy.js';
import type { PackSampleRow } from './pack-sample.types.js';

const STAGE = 'pack_sample_stage';

const rowKey = (stringId: string, ts: number) => `${stringId}|${ts}`;

/**
 * The merge path, for rows that may already be stored (a partial replay, the same samples in a
 * new batch): COPY into a session-private staging table shaped like pack_sample, then one
 * `INSERT … ON CONFLICT DO NOTHING`. Returns the rows actually inserted (the first of equal
 * (string, ts) keys). The staging table is dropped at commit, so a migration that changes
 * pack_sample never meets a stale copy on a pooled connection.
 */
export async function mergePackSamples(
  client: pg.PoolClient,
  rows: readonly PackSampleRow[],
): Promise<PackSampleRow[]> {
  if (rows.length === 0) {
    return [];
  }
  await client.query(`CREATE TEMP TABLE ${STAGE} (LIKE pack_sample INCLUDING DEFAULTS) ON COMMIT DROP`);
  await copyLines(client, STAGE, PACK_SAMPLE_COPY_COLUMNS, rows.map(packSampleCopyLine));
  const { rows: inserted } = await client.query<{ string_id: string; ts: Date }>(
    `INSERT INTO pack_sample (${PACK_SAMPLE_COPY_COLUMNS})
     SELECT ${PACK_SAMPLE_COPY_COLUMNS} FROM ${STAGE}
     ON CONFLICT (string_id, ts) DO NOTHING RETURNING string_id, ts`,
  );
  const byKey = new Map<string, PackSampleRow>();
  for (const row of rows) {
    const key = rowKey(row.stringId, Date.parse(row.sample.ts));
    if (!byKey.has(key)) {
      byKey.set(key, row);
    }
  }
  return inserted.flatMap((r) => byKey.get(rowKey(r.string_id, r.ts.getTime())) ?? []);
}
