import type { PgPool } from '../client.js';

/** A site as its managing organisation edits it. */
export interface SiteAdminRow {
  id: string;
  tenantId: string;
  name: string;
  address: string | null;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
}

export interface SiteFields {
  name: string;
  address: string | null;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
}

const COLUMNS = `id, tenant_id AS "tenantId", name, address, timezone, latitude, longitude,
  created_at AS "createdAt"`;

/** Which column each editable field is stored in (the only column names an update writes). */
const COLUMN_OF: Record<keyof SiteFields, string> = {
  name: 'name',
  address: 'address',
  timezone: 'timezone',
  latitude: 'latitude',
  longitude: 'longitude',
};

/**
 * Creating and editing sites (issue 8). Only the managing organisation does either, so both take
 * the caller's organisation id, never a wider scope: a site shared by invitation or support grant
 * is not the caller's to edit. Runs on the API's row-level-security pool.
 */
export class SiteAdminRepository {
  constructor(private readonly pool: PgPool) {}

  async create(orgId: string, fields: SiteFields): Promise<SiteAdminRow> {
    const { rows } = await this.pool.query<SiteAdminRow>(
      `INSERT INTO site (id, tenant_id, name, address, timezone, latitude, longitude)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [orgId, fields.name, fields.address, fields.timezone, fields.latitude, fields.longitude],
    );
    return rows[0] as SiteAdminRow;
  }

  /** Changes the given fields only; null when the organisation manages no such site. */
  async update(orgId: string, siteId: string, patch: Partial<SiteFields>): Promise<SiteAdminRow | null> {
    const params: unknown[] = [siteId, orgId];
    const sets = (Object.keys(COLUMN_OF) as (keyof SiteFields)[])
      .filter((field) => patch[field] !== undefined)
      .map((field) => {
        params.push(patch[field]);
        return `${COLUMN_OF[field]} = $${params.length}`;
      });
    const sql =
      sets.length === 0
        ? `SELECT ${COLUMNS} FROM site WHERE id = $1 AND tenant_id = $2`
        : `UPDATE site SET ${sets.join(', ')} WHERE id = $1 AND tenant_id = $2 RETURNING ${COLUMNS}`;
    const { rows } = await this.pool.query<SiteAdminRow>(sql, params);
    return rows[0] ?? null;
  }
}
