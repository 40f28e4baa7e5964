import type { PgPool } from '../client.js';

/** What a gateway is offered: the newest active rollout with an open stage holding its site. */
export interface GatewayUpdateOffer {
  rolloutId: string;
  version: string;
  manifestUrl: string;
  bundleUrl: string;
  stage: number;
}

/**
 * The gateway's own question, on the system pool (the caller is a gateway, no user, no scope).
 * Safe because each statement starts from one gateway id and the caller proved it holds that
 * gateway's active NATS key; the answer holds only its own organisation's rollout.
 */
export class GatewayUpdateRepository {
  constructor(private readonly pool: PgPool) {}

  /** True when `publicKey` is an unrevoked credential of this gateway. */
  async holdsActiveKey(gatewayId: string, publicKey: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM gateway_credential
        WHERE gateway_id = $1 AND user_public_key = $2 AND revoked_at IS NULL`,
      [gatewayId, publicKey],
    );
    return (rowCount ?? 0) > 0;
  }

  async offerFor(gatewayId: string): Promise<GatewayUpdateOffer | null> {
    const { rows } = await this.pool.query<GatewayUpdateOffer>(
      `SELECT r.id AS "rolloutId", r.version, r.manifest_url AS "manifestUrl", r.bundle_url AS "bundleUrl",
              min(s.position)::int AS stage
         FROM gateway g
         JOIN site_group_member m ON m.site_id = g.site_id AND m.tenant_id = g.tenant_id
         JOIN agent_rollout_stage s ON s.site_group_id = m.site_group_id
         JOIN agent_rollout r ON r.id = s.rollout_id AND r.tenant_id = g.tenant_id
        WHERE g.id = $1 AND r.state = 'active' AND s.position <= r.open_stages
        GROUP BY r.id ORDER BY r.created_at DESC, r.id LIMIT 1`,
      [gatewayId],
    );
    return rows[0] ?? null;
  }
}
