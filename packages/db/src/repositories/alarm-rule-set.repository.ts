import type { PgPool } from '../client.js';

export interface StoredRuleSet {
  /** `tenant` or `site:<id>`. */
  scopeKey: string;
  siteId: string | null;
  rules: unknown;
  version: number;
  updatedBy: string;
  updatedAt: Date;
}

export function ruleScopeKey(siteId: string | null): string {
  return siteId === null ? 'tenant' : `site:${siteId}`;
}

/** Tenant- and site-level rule overrides (parseRuleSet JSON), versioned. Tenant-scoped. */
export class AlarmRuleSetRepository {
  constructor(private readonly pool: PgPool) {}

  /** The tenant layer and, when siteId is given, the site layer (each null when not set). */
  async layers(
    tenantId: string,
    siteId: string | null,
  ): Promise<{ tenant: StoredRuleSet | null; site: StoredRuleSet | null }> {
    const keys = [ruleScopeKey(null), ...(siteId === null ? [] : [ruleScopeKey(siteId)])];
    const { rows } = await this.pool.query<StoredRuleSet>(
      `SELECT scope_key AS "scopeKey", site_id AS "siteId", rules, version, updated_by AS "updatedBy",
              updated_at AS "updatedAt"
         FROM alarm_rule_set WHERE tenant_id = $1 AND scope_key = ANY($2::text[])`,
      [tenantId, keys],
    );
    return {
      tenant: rows.find((r) => r.siteId === null) ?? null,
      site: siteId === null ? null : (rows.find((r) => r.siteId === siteId) ?? null),
    };
  }

  /** Creates or replaces a layer; its version goes up by one on every write. */
  async put(tenantId: string, siteId: string | null, rules: unknown, actor: string): Promise<StoredRuleSet> {
    const { rows } = await this.pool.query<StoredRuleSet>(
      `INSERT INTO alarm_rule_set AS r (id, tenant_id, site_id, scope_key, rules, version, updated_by, updated_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4::jsonb, 1, $5, now())
       ON CONFLICT (tenant_id, scope_key) DO UPDATE
         SET rules = EXCLUDED.rules, version = r.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING scope_key AS "scopeKey", site_id AS "siteId", rules, version, updated_by AS "updatedBy",
                 updated_at AS "updatedAt"`,
      [tenantId, siteId, ruleScopeKey(siteId), JSON.stringify(rules), actor],
    );
    return rows[0]!;
  }

  /** The highest version of the tenant's layers; changes whenever any of them is written. */
  async stamp(tenantId: string, siteId: string): Promise<string> {
    const { rows } = await this.pool.query<{ stamp: string }>(
      `SELECT COALESCE(string_agg(scope_key || '@' || version, ',' ORDER BY scope_key), '') AS stamp
         FROM alarm_rule_set WHERE tenant_id = $1 AND scope_key IN ('tenant', $2)`,
      [tenantId, ruleScopeKey(siteId)],
    );
    return rows[0]?.stamp ?? '';
  }
}
