import type pg from 'pg';
import type { StoreBatchInput } from './pack-sample.types.js';

/**
 * The ingest_batch rows of a group in one statement; returns the msg ids that were new. A msg id
 * already in the ledger (a replay, or another instance that committed it first) is not returned.
 * Sorted, so two instances inserting overlapping groups lock in the same order (no deadlock);
 * an instance holding an uncommitted row makes the other wait, then skip it.
 */
export async function insertLedgerRows(
  client: pg.PoolClient,
  inputs: readonly StoreBatchInput[],
): Promise<Set<string>> {
  const byId = new Map<string, StoreBatchInput>();
  for (const input of inputs) {
    if (!byId.has(input.msgId)) {
      byId.set(input.msgId, input);
    }
  }
  const ids = [...byId.keys()].sort();
  const { rows } = await client.query<{ msg_id: string }>(
    `INSERT INTO ingest_batch (msg_id, gateway_id, sample_count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int4[])
     ON CONFLICT (msg_id) DO NOTHING RETURNING msg_id`,
    [
      ids,
      ids.map((id) => byId.get(id)?.gatewayId),
      ids.map((id) => {
        const input = byId.get(id);
        return (input?.rows.length ?? 0) + (input?.cellSnapshots?.length ?? 0);
      }),
    ],
  );
  return new Set(rows.map((r) => r.msg_id));
}
