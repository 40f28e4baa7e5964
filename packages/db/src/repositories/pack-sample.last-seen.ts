import type pg from 'pg';
import type { StoreBatchInput } from './pack-sample.types.js';

function newestOf(map: Map<string, number>, key: string, ts: number): void {
  const seen = map.get(key);
  if (seen === undefined || ts > seen) {
    map.set(key, ts);
  }
}

/**
 * Moves bms_string.last_sample_at and gateway.last_seen_at forward to the newest sample of the
 * stored batches, never backwards (a replayed old batch) and never past now() (a gateway clock
 * ahead). A batch without samples still marks its gateway as seen (now). Ids sorted: a stable
 * lock order between concurrent instances.
 */
export async function touchLastSeen(
  client: pg.PoolClient,
  inputs: readonly StoreBatchInput[],
): Promise<void> {
  const strings = new Map<string, number>();
  const gateways = new Map<string, number>();
  for (const input of inputs) {
    newestOf(gateways, input.gatewayId, Number.NEGATIVE_INFINITY);
    for (const { stringId, sample } of input.rows) {
      const ts = Date.parse(sample.ts);
      newestOf(strings, stringId, ts);
      newestOf(gateways, input.gatewayId, ts);
    }
  }
  const iso = (ts: number | undefined) =>
    ts === undefined || ts === Number.NEGATIVE_INFINITY ? null : new Date(ts).toISOString();
  const stringIds = [...strings.keys()].sort();
  if (stringIds.length) {
    await client.query(
      `UPDATE bms_string s SET last_sample_at = GREATEST(s.last_sample_at, LEAST(u.ts, now()))
         FROM unnest($1::uuid[], $2::timestamptz[]) AS u(id, ts) WHERE s.id = u.id`,
      [stringIds, stringIds.map((id) => iso(strings.get(id)))],
    );
  }
  const gatewayIds = [...gateways.keys()].sort();
  await client.query(
    `UPDATE gateway g SET last_seen_at = GREATEST(g.last_seen_at, LEAST(coalesce(u.ts, now()), now()))
       FROM unnest($1::text[], $2::timestamptz[]) AS u(id, ts) WHERE g.id = u.id`,
    [gatewayIds, gatewayIds.map((id) => iso(gateways.get(id)))],
  );
}
