import type { PgPool } from '../client.js';

/**
 * What the AWS IoT pre-provisioning hook may learn of a gateway id (issue 11):
 * - `unknown`: no gateway has this id;
 * - `unclaimed`: registered by id, never claimed by an installer's code;
 * - `revoked`: it had credentials and every one of them was revoked (an operator cut it off);
 * - `allowed`: registered, claimed and not revoked.
 */
export type GatewayProvisioningState = 'unknown' | 'unclaimed' | 'revoked' | 'allowed';

export interface GatewayProvisioningStatus {
  state: GatewayProvisioningState;
  /** The managing organisation, for the audit line; null when unknown. */
  tenantId: string | null;
  siteId: string | null;
}

/**
 * The cross-organisation gateway lookup of POST /api/provisioning/check. Runs on the system pool:
 * the caller is AWS IoT Core's hook, not a user, so no organisation scope exists. It reads one
 * gateway by its globally unique id and answers only a state, never the gateway's data.
 */
export class GatewayProvisioningRepository {
  constructor(private readonly pool: PgPool) {}

  async statusOf(gatewayId: string): Promise<GatewayProvisioningStatus> {
    const { rows } = await this.pool.query<{
      tenantId: string;
      siteId: string;
      claimed: boolean;
      revoked: boolean;
    }>(
      `SELECT g.tenant_id AS "tenantId", g.site_id AS "siteId", g.claimed_at IS NOT NULL AS claimed,
              (EXISTS (SELECT 1 FROM gateway_credential c WHERE c.gateway_id = g.id)
               AND NOT EXISTS (SELECT 1 FROM gateway_credential c
                                WHERE c.gateway_id = g.id AND c.revoked_at IS NULL)) AS revoked
         FROM gateway g WHERE g.id = $1`,
      [gatewayId],
    );
    const row = rows[0];
    if (!row) {
      return { state: 'unknown', tenantId: null, siteId: null };
    }
    const state = !row.claimed ? 'unclaimed' : row.revoked ? 'revoked' : 'allowed';
    return { state, tenantId: row.tenantId, siteId: row.siteId };
  }
}
