import type { PgPool } from '@fleet/db';

/** One string of a tenant with its daily SOH readings (1d rollup soh_last_pct), oldest first. */
export interface StringSohHistory {
  stringId: string;
  tenantId: string;
  siteId: string;
  gatewayId: string;
  moduleType: string;
  days: { ts: number; sohPct: number }[];
}

/**
 * Reads the daily SOH of a tenant's strings from the 1d rollup tier, the only series long enough
 * for a fade rate. Beside the evaluator like CellHistory: queries only derived.soh_fade_vs_fleet uses.
 */
export class SohFleetHistory {
  constructor(private readonly pool: PgPool) {}

  /** Tenants that have strings (every one may have a fleet to compare). */
  async tenants(): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT DISTINCT tenant_id AS id FROM bms_string');
    return rows.map((r) => r.id);
  }

  /** Every string of the tenant, with its days since `fromMs` that carry an SOH reading. */
  async ofTenant(tenantId: string, fromMs: number): Promise<StringSohHistory[]> {
    const { rows } = await this.pool.query<{
      id: string;
      site_id: string;
      gateway_id: string;
      module_type: string;
      bucket_start: Date | null;
      soh_last_pct: number | null;
    }>(
      `SELECT s.id, s.site_id, s.gateway_id, s.module_type::text AS module_type, r.bucket_start, r.soh_last_pct
         FROM bms_string s
         LEFT JOIN string_rollup_1d r
           ON r.string_id = s.id AND r.bucket_start >= $2 AND r.soh_last_pct IS NOT NULL
        WHERE s.tenant_id = $1
        ORDER BY s.id, r.bucket_start`,
      [tenantId, new Date(fromMs)],
    );
    const byString = new Map<string, StringSohHistory>();
    for (const r of rows) {
      let history = byString.get(r.id);
      if (history === undefined) {
        history = {
          stringId: r.id,
          tenantId,
          siteId: r.site_id,
          gatewayId: r.gateway_id,
          moduleType: r.module_type,
          days: [],
        };
        byString.set(r.id, history);
      }
      if (r.bucket_start !== null && r.soh_last_pct !== null) {
        history.days.push({ ts: r.bucket_start.getTime(), sohPct: r.soh_last_pct });
      }
    }
    return [...byString.values()];
  }
}
