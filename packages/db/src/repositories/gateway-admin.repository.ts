import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';

/** A gateway as listed under its site, with when its current NATS credentials were issued. */
export interface GatewayAdminRow {
  id: string;
  siteId: string;
  name: string;
  createdAt: Date;
  lastSeenAt: Date | null;
  /** Issue time of the active (unrevoked) NATS user key; null when none was ever issued. */
  credentialsIssuedAt: Date | null;
}

export type RegisterGatewayResult =
  | { ok: true; gateway: GatewayAdminRow }
  | { ok: false; reason: 'site-not-found' | 'id-taken' };

const COLUMNS = `g.id, g.site_id AS "siteId", g.name, g.created_at AS "createdAt",
  g.last_seen_at AS "lastSeenAt",
  (SELECT c.issued_at FROM gateway_credential c
    WHERE c.gateway_id = g.id AND c.revoked_at IS NULL
    ORDER BY c.issued_at DESC LIMIT 1) AS "credentialsIssuedAt"`;

/**
 * Gateways of a site (issue 8): listing them in the caller's scope, registering one on a site the
 * caller's organisation manages. Runs on the API's row-level-security pool.
 */
export class GatewayAdminRepository {
  constructor(private readonly pool: PgPool) {}

  /** The site's gateways by id; null when the site is not in the scope. */
  async listBySite(scope: ScopeArg, siteId: string): Promise<GatewayAdminRow[] | null> {
    const params: unknown[] = [siteId];
    const where = scopeSql(scope, { tenant: 's.tenant_id', site: 's.id' }, params);
    const site = await this.pool.query(`SELECT 1 FROM site s WHERE s.id = $1 AND ${where}`, params);
    if (site.rowCount === 0) {
      return null;
    }
    const { rows } = await this.pool.query<GatewayAdminRow>(
      `SELECT ${COLUMNS} FROM gateway g WHERE g.site_id = $1 ORDER BY g.id`,
      [siteId],
    );
    return rows;
  }

  /**
   * Registers a gateway on one of the organisation's sites. The wire id is global (it is the NATS
   * user and the IoT thing name), so an id held by any organisation is 'id-taken'.
   */
  async register(
    orgId: string,
    siteId: string,
    gateway: { id: string; name: string },
  ): Promise<RegisterGatewayResult> {
    const site = await this.pool.query('SELECT 1 FROM site WHERE id = $1 AND tenant_id = $2', [
      siteId,
      orgId,
    ]);
    if (site.rowCount === 0) {
      return { ok: false, reason: 'site-not-found' };
    }
    // DO NOTHING detects the conflict on the primary key even against a row the policy hides.
    const inserted = await this.pool.query(
      `INSERT INTO gateway (id, tenant_id, site_id, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [gateway.id, orgId, siteId, gateway.name],
    );
    if (inserted.rowCount === 0) {
      return { ok: false, reason: 'id-taken' };
    }
    const { rows } = await this.pool.query<GatewayAdminRow>(
      `SELECT ${COLUMNS} FROM gateway g WHERE g.id = $1`,
      [gateway.id],
    );
    return { ok: true, gateway: rows[0] as GatewayAdminRow };
  }
}
