import type { PgPool } from '../client.js';

/** What issuing a key recorded: the new key's row and the keys it revoked. */
export interface IssuedCredential {
  gatewayId: string;
  siteId: string;
  userPublicKey: string;
  issuedAt: Date;
  /** The gateway's previously active user keys, revoked by this issue (normally one, or none). */
  revokedKeys: string[];
}

/** A revoked NATS user key, as the account JWT's `revocations` needs it. */
export interface RevokedGatewayKey {
  userPublicKey: string;
  revokedAt: Date;
}

/**
 * NATS user keys issued to gateways (issue 8). Only public keys are stored; the seed and JWT go
 * to the caller once. Issuing a key revokes the gateway's active one in the same transaction, so
 * a gateway has at most one active key.
 */
export class GatewayCredentialRepository {
  constructor(private readonly pool: PgPool) {}

  /** Whether the organisation manages the gateway (a cheap check before anything is signed). */
  async manages(orgId: string, gatewayId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM gateway WHERE id = $1 AND tenant_id = $2', [
      gatewayId,
      orgId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  /**
   * Records a new user key for a gateway of the organisation and revokes the active one; null
   * when the organisation has no such gateway.
   */
  async issue(
    orgId: string,
    gatewayId: string,
    key: { userPublicKey: string; issuedBy: string },
  ): Promise<IssuedCredential | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // The row lock orders two concurrent rotations of one gateway: the second revokes the first's key.
      const gateway = await client.query<{ siteId: string }>(
        'SELECT site_id AS "siteId" FROM gateway WHERE id = $1 AND tenant_id = $2 FOR UPDATE',
        [gatewayId, orgId],
      );
      const siteId = gateway.rows[0]?.siteId;
      if (siteId === undefined) {
        await client.query('ROLLBACK');
        return null;
      }
      const revoked = await client.query<{ key: string }>(
        `UPDATE gateway_credential SET revoked_at = now()
          WHERE gateway_id = $1 AND revoked_at IS NULL RETURNING user_public_key AS key`,
        [gatewayId],
      );
      const inserted = await client.query<{ issuedAt: Date }>(
        `INSERT INTO gateway_credential (id, tenant_id, site_id, gateway_id, user_public_key, issued_by)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5) RETURNING issued_at AS "issuedAt"`,
        [orgId, siteId, gatewayId, key.userPublicKey, key.issuedBy],
      );
      await client.query('COMMIT');
      return {
        gatewayId,
        siteId,
        userPublicKey: key.userPublicKey,
        issuedAt: inserted.rows[0]?.issuedAt as Date,
        revokedKeys: revoked.rows.map((r) => r.key),
      };
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Every revoked key, oldest first: the `revocations` of the account JWT. For the process that
   * signs account JWTs (it holds the operator's key and runs as the tables' owner, for all tenants).
   */
  async revokedKeys(): Promise<RevokedGatewayKey[]> {
    const { rows } = await this.pool.query<RevokedGatewayKey>(
      `SELECT user_public_key AS "userPublicKey", revoked_at AS "revokedAt"
         FROM gateway_credential WHERE revoked_at IS NOT NULL ORDER BY revoked_at, user_public_key`,
    );
    return rows;
  }
}
