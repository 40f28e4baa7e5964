import type { PgPool } from '../client.js';

export type ConnectivityKind = 'online' | 'offline';

/** What the sweep currently judges one gateway (stringId null) or string to be. */
export interface ConnectivityState {
  gatewayId: string;
  stringId: string | null;
  kind: ConnectivityKind;
  reason: string;
}

export interface ConnectivityEventRow {
  gatewayId: string;
  stringId: string | null;
  ts: Date;
  kind: ConnectivityKind;
  reason: string;
}

/**
 * connectivity_event (SQL-only): one row per offline/online change of a gateway or string. A
 * subject with no row yet counts as online, so only going offline (and coming back) is recorded.
 */
export class ConnectivityEventRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Records the states that differ from each subject's latest row, all at `ts`; returns the rows
   * written. One statement under a transaction-level lock, so two sweeping processes cannot both
   * record the same change.
   */
  async recordChanges(states: readonly ConnectivityState[], ts: Date): Promise<ConnectivityEventRow[]> {
    if (states.length === 0) {
      return [];
    }
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("SELECT pg_advisory_xact_lock(hashtext('connectivity_event'))");
      const { rows } = await client.query<ConnectivityEventRow>(RECORD_SQL, [
        states.map((s) => s.gatewayId),
        states.map((s) => s.stringId),
        states.map((s) => s.kind),
        states.map((s) => s.reason),
        ts,
      ]);
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** A string's changes (and its gateway's) overlapping [from, to), newest first. */
  async listForString(
    stringId: string,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<ConnectivityEventRow[]> {
    const { rows } = await this.pool.query<ConnectivityEventRow>(
      `SELECT c.gateway_id AS "gatewayId", c.string_id AS "stringId", c.ts, c.kind, c.reason
         FROM connectivity_event c JOIN bms_string s ON s.id = $1
        WHERE (c.string_id = $1 OR (c.string_id IS NULL AND c.gateway_id = s.gateway_id))
          AND c.ts >= $2 AND c.ts < $3
        ORDER BY c.ts DESC, c.id DESC LIMIT $4`,
      [stringId, from, to, limit],
    );
    return rows;
  }
}

// The latest row per subject through the partial indexes (string, or gateway-level).
const RECORD_SQL = `
INSERT INTO connectivity_event (gateway_id, string_id, ts, kind, reason)
SELECT i.gateway_id, i.string_id, $5, i.kind, i.reason
  FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[]) AS i(gateway_id, string_id, kind, reason)
  LEFT JOIN LATERAL (
    SELECT c.kind FROM connectivity_event c
     WHERE i.string_id IS NOT NULL AND c.string_id = i.string_id
     ORDER BY c.ts DESC, c.id DESC LIMIT 1) ls ON true
  LEFT JOIN LATERAL (
    SELECT c.kind FROM connectivity_event c
     WHERE i.string_id IS NULL AND c.string_id IS NULL AND c.gateway_id = i.gateway_id
     ORDER BY c.ts DESC, c.id DESC LIMIT 1) lg ON true
 WHERE coalesce(ls.kind, lg.kind, 'online') <> i.kind
RETURNING gateway_id AS "gatewayId", string_id AS "stringId", ts, kind, reason`;
