import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';

export interface StringCommissioningRecord {
  commissionedAt: Date;
  /** Who commissioned it (installer name or company), as entered. */
  commissionedBy: string;
  notes: string | null;
}

export interface StringCommissioningRow extends StringCommissioningRecord {
  recordedBy: string;
  updatedAt: Date;
}

/** What the warranty needs to know about a string: product, site region, install record. */
export interface WarrantyStringIdentity {
  id: string;
  name: string;
  tenantId: string;
  siteId: string;
  siteName: string;
  moduleType: 'H48050' | 'H48074' | 'OTHER';
  moduleCount: number | null;
  warrantyRegion: string | null;
  commissioning: StringCommissioningRow | null;
}

interface IdentityRow extends Omit<WarrantyStringIdentity, 'commissioning'> {
  commissionedAt: Date | null;
  commissionedBy: string | null;
  notes: string | null;
  recordedBy: string | null;
  updatedAt: Date | null;
}

const IDENTITY_SQL = `
  SELECT b.id, b.name, b.tenant_id AS "tenantId", b.site_id AS "siteId", s.name AS "siteName",
         b.module_type AS "moduleType", b.module_count AS "moduleCount", s.warranty_region AS "warrantyRegion",
         c.commissioned_at AS "commissionedAt", c.commissioned_by AS "commissionedBy", c.notes,
         c.recorded_by AS "recordedBy", c.updated_at AS "updatedAt"
    FROM bms_string b
    JOIN site s ON s.id = b.site_id
    LEFT JOIN string_commissioning c ON c.string_id = b.id
   WHERE b.id = $1 AND {scope}`;

/** A string's warranty identity and install record (scoped pool: row-level security applies too). */
export class WarrantyStringRepository {
  constructor(private readonly pool: PgPool) {}

  /** null for a string outside the scope, like one that does not exist. */
  async identity(scope: ScopeArg, stringId: string): Promise<WarrantyStringIdentity | null> {
    const params: unknown[] = [stringId];
    const sql = IDENTITY_SQL.replace(
      '{scope}',
      scopeSql(scope, { tenant: 'b.tenant_id', site: 'b.site_id' }, params),
    );
    const { rows } = await this.pool.query<IdentityRow>(sql, params);
    const r = rows[0];
    if (!r) {
      return null;
    }
    const { commissionedAt, commissionedBy, notes, recordedBy, updatedAt, ...rest } = r;
    return {
      ...rest,
      commissioning:
        commissionedAt && commissionedBy !== null && recordedBy !== null && updatedAt
          ? { commissionedAt, commissionedBy, notes, recordedBy, updatedAt }
          : null,
    };
  }

  /**
   * Creates or replaces the install record of one of the organisation's own strings (never one it
   * only sees through a grant). null: no such string of this organisation.
   */
  async setCommissioning(
    tenantId: string,
    stringId: string,
    record: StringCommissioningRecord,
    by: string,
  ): Promise<StringCommissioningRow | null> {
    const { rows } = await this.pool.query<StringCommissioningRow>(
      `INSERT INTO string_commissioning (string_id, commissioned_at, commissioned_by, notes, recorded_by)
       SELECT b.id, $3, $4, $5, $6 FROM bms_string b WHERE b.id = $2 AND b.tenant_id = $1
       ON CONFLICT (string_id) DO UPDATE SET commissioned_at = EXCLUDED.commissioned_at,
         commissioned_by = EXCLUDED.commissioned_by, notes = EXCLUDED.notes,
         recorded_by = EXCLUDED.recorded_by, updated_at = now()
       RETURNING commissioned_at AS "commissionedAt", commissioned_by AS "commissionedBy", notes,
                 recorded_by AS "recordedBy", updated_at AS "updatedAt"`,
      [tenantId, stringId, record.commissionedAt, record.commissionedBy, record.notes, by],
    );
    return rows[0] ?? null;
  }

  /** Sets the warranty region of one of the organisation's own sites; false when it has no such site. */
  async setSiteRegion(tenantId: string, siteId: string, region: string | null): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'UPDATE site SET warranty_region = $3 WHERE id = $2 AND tenant_id = $1',
      [tenantId, siteId, region],
    );
    return (rowCount ?? 0) > 0;
  }
}
