import type { PgPool } from '../client.js';

/** One heartbeat as stored (the server reads only these fields of `bms.hb/1`). */
export interface GatewayHeartbeatInput {
  gatewayId: string;
  at: Date;
  agentVersion: string;
  spoolDepth: number;
  bus: Record<string, unknown> | null;
  /** When the broker stored it (the gateway clock's skew is at − receivedAt); null when unknown. */
  receivedAt?: Date | null;
}

export interface RecordedHeartbeat {
  /** false: the gateway is unknown, or a newer heartbeat is already stored (nothing changed). */
  stored: boolean;
  tenantId: string | null;
  siteId: string | null;
  /** The recent spool depths, oldest first, this heartbeat included when stored. */
  spoolPoints: { atMs: number; depth: number }[];
}

/** Spool depths kept per gateway: enough for a least-squares slope over ~15 min of heartbeats. */
export const SPOOL_POINTS_KEPT = 20;

/** gateway_heartbeat (SQL-only): the latest heartbeat per gateway plus its recent spool depths. */
export class GatewayHeartbeatRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Upserts forward only: a heartbeat not newer than the stored one (a redelivery, a late one)
   * changes nothing. One statement, so two ingest processes cannot lose each other's point.
   */
  async record(hb: GatewayHeartbeatInput): Promise<RecordedHeartbeat> {
    const point = JSON.stringify([{ atMs: hb.at.getTime(), depth: hb.spoolDepth }]);
    const { rows } = await this.pool.query<{ points: { atMs: number; depth: number }[] }>(
      `INSERT INTO gateway_heartbeat AS h (gateway_id, at, agent_version, spool_depth, bus, spool_points, received_at)
       SELECT g.id, $2, $3, $4, $5::jsonb, $6::jsonb, $7 FROM gateway g WHERE g.id = $1
       ON CONFLICT (gateway_id) DO UPDATE SET
         at = EXCLUDED.at, agent_version = EXCLUDED.agent_version, spool_depth = EXCLUDED.spool_depth,
         bus = EXCLUDED.bus, received_at = EXCLUDED.received_at,
         -- the heartbeat before, so the commissioning checklist judges counter deltas (issue 10)
         prev_at = h.at, prev_bus = h.bus,
         spool_points = (
           SELECT coalesce(jsonb_agg(p ORDER BY (p->>'atMs')::bigint), '[]'::jsonb) FROM (
             SELECT p FROM jsonb_array_elements(h.spool_points || EXCLUDED.spool_points) AS e(p)
              ORDER BY (p->>'atMs')::bigint DESC LIMIT ${SPOOL_POINTS_KEPT}) recent)
       WHERE h.at < EXCLUDED.at
       RETURNING spool_points AS points`,
      [
        hb.gatewayId,
        hb.at,
        hb.agentVersion,
        hb.spoolDepth,
        hb.bus === null ? null : JSON.stringify(hb.bus),
        point,
        hb.receivedAt ?? null,
      ],
    );
    const gateway = await this.pool.query<{ tenantId: string; siteId: string }>(
      'SELECT tenant_id AS "tenantId", site_id AS "siteId" FROM gateway WHERE id = $1',
      [hb.gatewayId],
    );
    return {
      stored: rows.length > 0,
      tenantId: gateway.rows[0]?.tenantId ?? null,
      siteId: gateway.rows[0]?.siteId ?? null,
      spoolPoints: rows[0]?.points ?? [],
    };
  }
}
