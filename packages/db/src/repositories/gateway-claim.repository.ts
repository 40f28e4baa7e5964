import type { PgPool } from '../client.js';
import type { GatewayAdminRow } from './gateway-admin.repository.js';

export type ClaimGatewayResult =
  | { ok: true; gateway: GatewayAdminRow }
  | { ok: false; reason: 'site-not-found' | 'already-claimed' };

/** A claimed gateway as its enrolment poll sees it, with what is on record for the polling key. */
export interface ClaimedGateway {
  gatewayId: string;
  tenantId: string;
  siteId: string;
  claimedBy: string;
  /** The polling key's credential: active, revoked, or none recorded yet. */
  key: 'active' | 'revoked' | 'none';
  /** Whether another key is active (someone rotated the credentials by hand since). */
  otherKeyActive: boolean;
}

/**
 * Claims of gateways by code (issue 10). `claim` runs on the API's row-level-security pool (the
 * installer's request); `findByCode` and `recordKey` serve the gateway's unauthenticated
 * enrolment poll and run on the system pool, keyed by a code only the gateway's key hashes to.
 */
export class GatewayClaimRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Creates the gateway on one of the organisation's sites. The code and the id derived from it
   * are unique across organisations, so any earlier claim of the code makes this 'already-claimed'
   * (DO NOTHING sees the conflict even against a row the policy hides).
   */
  async claim(
    orgId: string,
    siteId: string,
    claim: { code: string; gatewayId: string; name: string; claimedBy: string },
  ): Promise<ClaimGatewayResult> {
    const site = await this.pool.query('SELECT 1 FROM site WHERE id = $1 AND tenant_id = $2', [
      siteId,
      orgId,
    ]);
    if (site.rowCount === 0) {
      return { ok: false, reason: 'site-not-found' };
    }
    const { rows } = await this.pool.query<GatewayAdminRow>(
      `INSERT INTO gateway (id, tenant_id, site_id, name, claim_code, claimed_at, claimed_by)
       VALUES ($1, $2, $3, $4, $5, now(), $6) ON CONFLICT DO NOTHING
       RETURNING id, site_id AS "siteId", name, created_at AS "createdAt",
         last_seen_at AS "lastSeenAt", NULL::timestamptz AS "credentialsIssuedAt"`,
      [claim.gatewayId, orgId, siteId, claim.name, claim.code, claim.claimedBy],
    );
    const gateway = rows[0];
    return gateway ? { ok: true, gateway } : { ok: false, reason: 'already-claimed' };
  }

  /** The gateway claimed with this code, and the state of the polling key; null: not claimed. */
  async findByCode(code: string, userPublicKey: string): Promise<ClaimedGateway | null> {
    const { rows } = await this.pool.query<ClaimedGateway>(
      `SELECT g.id AS "gatewayId", g.tenant_id AS "tenantId", g.site_id AS "siteId",
              g.claimed_by AS "claimedBy",
              COALESCE((SELECT CASE WHEN c.revoked_at IS NULL THEN 'active' ELSE 'revoked' END
                          FROM gateway_credential c WHERE c.user_public_key = $2
                           AND c.gateway_id = g.id), 'none') AS key,
              EXISTS (SELECT 1 FROM gateway_credential c WHERE c.gateway_id = g.id
                         AND c.revoked_at IS NULL AND c.user_public_key <> $2) AS "otherKeyActive"
         FROM gateway g WHERE g.claim_code = $1`,
      [code, userPublicKey],
    );
    return rows[0] ?? null;
  }

  /**
   * Records the gateway's own key as its credential on first fetch. Refuses (false) when any
   * key is active or this key was revoked, so a revoked gateway cannot enrol itself again.
   */
  async recordKey(gateway: ClaimedGateway, userPublicKey: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `INSERT INTO gateway_credential (id, tenant_id, site_id, gateway_id, user_public_key, issued_by)
       SELECT gen_random_uuid(), $1, $2, $3, $4, $5
        WHERE NOT EXISTS (SELECT 1 FROM gateway_credential
                           WHERE gateway_id = $3 AND (revoked_at IS NULL OR user_public_key = $4))
       ON CONFLICT (user_public_key) DO NOTHING`,
      [gateway.tenantId, gateway.siteId, gateway.gatewayId, userPublicKey, gateway.claimedBy],
    );
    return (rowCount ?? 0) > 0;
  }
}
