import type { PgPool } from '../client.js';
import { applyComposition, type CompositionUpdate } from './bms-module.repository.js';
import { applyTopology, type TopologyUpdate } from './topology-apply.js';

export interface BmsEventInput {
  /** Index of the event in its batch: with the batch id, what makes a replay recognisable. */
  idx: number;
  /** null for gateway-level events (boot, unknown kinds without a string). */
  stringId: string | null;
  ts: Date;
  kind: string;
  body: Record<string, unknown>;
  /** Set on composition events: applied to the string and its modules when first stored. */
  composition?: CompositionUpdate;
  /** Set on topology events: the bus's latest report, identity by serial (issue 10). */
  topology?: TopologyUpdate;
}

export interface BmsEventBatch {
  gatewayId: string;
  /** `<gatewayId>:<bootId>:e<seq>` (eventMessageId). */
  msgId: string;
  events: BmsEventInput[];
}

export interface BmsEventRow {
  stringId: string | null;
  gatewayId: string;
  ts: Date;
  kind: string;
  body: Record<string, unknown>;
  msgId: string;
  idx: number;
}

export interface BmsEventPage {
  stringId: string;
  limit: number;
  kinds?: string[];
  /** Position of the last row of the previous page (newest first). */
  before?: { ts: Date; msgId: string; idx: number };
}

/** bms_event (SQL-only time series): the gateway's events as received. */
export class BmsEventRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Stores a batch in one transaction; returns how many events were new. An event already stored
   * (same gateway, batch id, index) is skipped, and so is its composition: a replayed batch
   * changes nothing.
   */
  async storeBatch(batch: BmsEventBatch): Promise<number> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ idx: number }>(
        `INSERT INTO bms_event (gateway_id, msg_id, idx, string_id, ts, kind, body)
         SELECT $1, $2, * FROM unnest($3::int[], $4::uuid[], $5::timestamptz[], $6::text[], $7::jsonb[])
         ON CONFLICT DO NOTHING
         RETURNING idx`,
        [
          batch.gatewayId,
          batch.msgId,
          batch.events.map((e) => e.idx),
          batch.events.map((e) => e.stringId),
          batch.events.map((e) => e.ts),
          batch.events.map((e) => e.kind),
          batch.events.map((e) => JSON.stringify(e.body)),
        ],
      );
      const stored = new Set(rows.map((r) => r.idx));
      for (const event of batch.events) {
        if (event.composition && stored.has(event.idx)) {
          await applyComposition(client, event.composition);
        }
        if (event.topology && stored.has(event.idx)) {
          await applyTopology(client, event.topology);
        }
      }
      await client.query('COMMIT');
      return stored.size;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** One page of a string's events, newest first (keyset on ts, msg id, index). */
  async page(q: BmsEventPage): Promise<BmsEventRow[]> {
    const { rows } = await this.pool.query<BmsEventRow>(
      `SELECT string_id AS "stringId", gateway_id AS "gatewayId", ts, kind, body, msg_id AS "msgId", idx
         FROM bms_event
        WHERE string_id = $1 AND ($2::text[] IS NULL OR kind = ANY ($2))
          AND ($3::timestamptz IS NULL OR (ts, msg_id, idx) < ($3, $4::text, $5::int))
        ORDER BY ts DESC, msg_id DESC, idx DESC
        LIMIT $6`,
      [
        q.stringId,
        q.kinds?.length ? q.kinds : null,
        q.before?.ts ?? null,
        q.before?.msgId ?? null,
        q.before?.idx ?? null,
        q.limit,
      ],
    );
    return rows;
  }
}
