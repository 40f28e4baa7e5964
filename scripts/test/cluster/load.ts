import { setTimeout as sleep } from 'node:timers/promises';
import type { PgPool } from '@fleet/db';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type pg from 'pg';
import type { BenchLoad, BenchMessage } from '../../../apps/ingest/bench/bench-fleet.js';

export {
  type BenchFleet,
  type BenchLoad,
  benchFleet,
  benchLoad,
  registerFleet,
} from '../../../apps/ingest/bench/bench-fleet.js';

export interface PublishOptions {
  /** Publishes awaiting their JetStream ack at once. */
  window?: number;
  /** Called after every `every` acked messages (in publish order), awaited before going on. */
  checkpoint?: (published: number) => Promise<void>;
  every?: number;
  /** Give up on one message after this long (a cluster that never recovers). */
  perMessageTimeoutMs?: number;
}

/**
 * Publishes every message as a gateway's uplink does: JetStream publish with the batch's
 * Nats-Msg-Id, retried until the stream acks it. A retry after a lost ack (node killed between
 * store and ack) is dropped by the stream's dedupe window, so retrying is safe. Returns how many
 * publishes had to be retried.
 */
export async function publishLoad(
  nc: NatsConnection,
  messages: BenchMessage[],
  { window = 200, checkpoint, every = 50, perMessageTimeoutMs = 30_000 }: PublishOptions = {},
): Promise<{ retries: number }> {
  const js = jetstream(nc, { timeout: 2000 });
  let retries = 0;
  const publishOne = async (m: BenchMessage) => {
    const deadline = Date.now() + perMessageTimeoutMs;
    for (;;) {
      try {
        await js.publish(m.subject, m.data, { msgID: m.msgId });
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          throw new Error(`publishing ${m.msgId} failed for ${perMessageTimeoutMs} ms: ${String(error)}`);
        }
        retries++;
        await sleep(200);
      }
    }
  };
  for (let start = 0; start < messages.length; start += every) {
    const chunk = messages.slice(start, start + every);
    const inFlight = new Set<Promise<void>>();
    for (const m of chunk) {
      const p: Promise<void> = publishOne(m).finally(() => inFlight.delete(p));
      inFlight.add(p);
      if (inFlight.size >= window) {
        await Promise.race(inFlight);
      }
    }
    await Promise.all(inFlight);
    await checkpoint?.(start + chunk.length);
  }
  return { retries };
}

type Queryable = Pick<pg.PoolClient, 'query'>;

export interface Accounting {
  /** Rows the load holds (pack samples + cell snapshots). */
  expected: number;
  stored: number;
  /** Expected (string, ts) keys with no stored row. */
  lost: number;
  /** Of those, cell snapshots (the rest are pack samples). */
  lostCellSnapshots: number;
  /** Stored rows beyond one per key, plus ledger rows beyond one per message. */
  duplicated: number;
  ledger: number;
  /** Rows ingest set aside as unstorable (quarantined_sample); a lost row should show up here. */
  quarantined: number;
}

async function tableCounts(client: Queryable, table: string, ids: string[], ts: string[]) {
  const { rows } = await client.query<{ total: number; distinct: number; missing: number }>(
    `SELECT (SELECT count(*)::int FROM ${table}) AS total,
            (SELECT count(DISTINCT (string_id, ts))::int FROM ${table}) AS distinct,
            (SELECT count(*)::int FROM unnest($1::uuid[], $2::timestamptz[]) AS u(string_id, ts)
              WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.string_id = u.string_id AND t.ts = u.ts)) AS missing`,
    [ids, ts],
  );
  return rows[0]!;
}

/**
 * What the database holds against what was published: every expected key present (lost 0), no
 * key twice and no batch twice in the ledger (duplicated 0). The database is the only judge.
 */
export async function account(pool: PgPool, load: BenchLoad): Promise<Accounting> {
  // One snapshot for every count: read apart, a commit landing between the sample count and the
  // ledger count would look like a batch in the ledger without its rows.
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    return await accountIn(client, load);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

async function accountIn(client: Queryable, load: BenchLoad): Promise<Accounting> {
  const pack = await tableCounts(
    client,
    'pack_sample',
    load.rows.map((r) => r.stringId),
    load.rows.map((r) => r.sample.ts),
  );
  const cells = await tableCounts(
    client,
    'cell_snapshot',
    load.cellSnapshots.map((r) => r.stringId),
    load.cellSnapshots.map((r) => r.snapshot.ts),
  );
  const { rows } = await client.query<{ n: number; distinct: number; quarantined: number }>(
    `SELECT count(*)::int AS n, count(DISTINCT msg_id)::int AS distinct,
            (SELECT count(*)::int FROM quarantined_sample) AS quarantined FROM ingest_batch`,
  );
  const ledger = rows[0]!;
  return {
    expected: load.rows.length + load.cellSnapshots.length,
    stored: pack.total + cells.total,
    lost: pack.missing + cells.missing,
    lostCellSnapshots: cells.missing,
    duplicated: pack.total - pack.distinct + (cells.total - cells.distinct) + (ledger.n - ledger.distinct),
    ledger: ledger.n,
    quarantined: ledger.quarantined,
  };
}
