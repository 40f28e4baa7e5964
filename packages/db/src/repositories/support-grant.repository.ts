import type { PgPool } from '../client.js';

export interface SupportGrantRow {
  id: string;
  tenantId: string;
  siteId: string;
  siteName: string;
  granteeTenantId: string;
  granteeName: string;
  grantedBy: string;
  note: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

/** The channel an access change is announced on (LISTEN fleet_access), for open live streams. */
export const ACCESS_CHANNEL = 'fleet_access';

const COLUMNS = `
  g.id, g.tenant_id AS "tenantId", g.site_id AS "siteId", s.name AS "siteName",
  g.grantee_tenant_id AS "granteeTenantId", t.name AS "granteeName", g.granted_by AS "grantedBy",
  g.note, g.created_at AS "createdAt", g.expires_at AS "expiresAt", g.revoked_at AS "revokedAt",
  g.revoked_by AS "revokedBy"`;
const FROM = 'support_grant g JOIN site s ON s.id = g.site_id JOIN tenant t ON t.id = g.grantee_tenant_id';

export type NewGrantResult =
  | { ok: true; grant: SupportGrantRow }
  | { ok: false; reason: 'site-not-found' | 'grantee-not-found' | 'grantee-not-support' };

/**
 * Support grants of the managing organisation (issue 8). Creating and revoking announce the change
 * on ACCESS_CHANNEL in the same transaction, so a live stream hears of a revoke when it commits.
 */
export class SupportGrantRepository {
  constructor(private readonly pool: PgPool) {}

  /** Grants given by or to the organisation, newest first. */
  async list(orgId: string): Promise<SupportGrantRow[]> {
    const { rows } = await this.pool.query<SupportGrantRow>(
      `SELECT ${COLUMNS} FROM ${FROM}
        WHERE g.tenant_id = $1 OR g.grantee_tenant_id = $1
        ORDER BY g.created_at DESC, g.id DESC LIMIT 500`,
      [orgId],
    );
    return rows;
  }

  /** A grant on one of the organisation's own sites to a support desk or distributor (by id or slug). */
  async create(input: {
    orgId: string;
    siteId: string;
    grantee: string;
    expiresAt: Date;
    note: string | null;
    grantedBy: string;
  }): Promise<NewGrantResult> {
    return this.transaction(async (q) => {
      const site = await q('SELECT 1 FROM site WHERE id = $1 AND tenant_id = $2', [
        input.siteId,
        input.orgId,
      ]);
      if (site.length === 0) {
        return { ok: false, reason: 'site-not-found' };
      }
      const grantee = await q<{ id: string; kind: string }>(
        'SELECT id, kind FROM tenant WHERE id::text = $1 OR slug = $1',
        [input.grantee],
      );
      if (!grantee[0]) {
        return { ok: false, reason: 'grantee-not-found' };
      }
      if (grantee[0].kind === 'installer' || grantee[0].id === input.orgId) {
        return { ok: false, reason: 'grantee-not-support' };
      }
      const [created] = await q<{ id: string }>(
        `INSERT INTO support_grant (id, tenant_id, site_id, grantee_tenant_id, granted_by, note, expires_at)
         VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING id`,
        [input.orgId, input.siteId, grantee[0].id, input.grantedBy, input.note, input.expiresAt],
      );
      await announce(q, input.siteId, grantee[0].id);
      const [grant] = await q<SupportGrantRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE g.id = $1`, [
        created?.id,
      ]);
      return { ok: true, grant: grant as SupportGrantRow };
    });
  }

  /** Revokes a grant the organisation gave; null when there is none (or it is not the organisation's). */
  async revoke(orgId: string, id: string, by: string): Promise<SupportGrantRow | null> {
    return this.transaction(async (q) => {
      const [row] = await q<{ siteId: string; granteeTenantId: string }>(
        `UPDATE support_grant SET revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, $3)
          WHERE id = $1 AND tenant_id = $2
        RETURNING site_id AS "siteId", grantee_tenant_id AS "granteeTenantId"`,
        [id, orgId, by],
      );
      if (!row) {
        return null;
      }
      await announce(q, row.siteId, row.granteeTenantId);
      const [grant] = await q<SupportGrantRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE g.id = $1`, [id]);
      return grant ?? null;
    });
  }

  private async transaction<T>(
    work: (q: <R>(sql: string, params: unknown[]) => Promise<R[]>) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(async <R>(sql: string, params: unknown[]) => {
        // biome-ignore lint/suspicious/noExplicitAny: pg's row type is what the caller names
        return (await client.query<any>(sql, params)).rows as R[];
      });
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function announce(
  q: <R>(sql: string, params: unknown[]) => Promise<R[]>,
  siteId: string,
  granteeTenantId: string,
): Promise<void> {
  const payload = JSON.stringify({ kind: 'grant', siteId, granteeTenantId });
  await q('SELECT pg_notify($1, $2)', [ACCESS_CHANNEL, payload]);
}
