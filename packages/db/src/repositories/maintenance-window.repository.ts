import type { PgPool } from '../client.js';

export interface MaintenanceWindowRow {
  id: string;
  siteId: string;
  startsAt: Date;
  endsAt: Date;
  reason: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `id, site_id AS "siteId", starts_at AS "startsAt", ends_at AS "endsAt", reason,
                 created_by AS "createdBy", created_at AS "createdAt"`;

/** Maintenance windows of a tenant's sites (alarms recorded, not notified). Tenant-scoped. */
export class MaintenanceWindowRepository {
  constructor(private readonly pool: PgPool) {}

  /** null when the site is not the tenant's. */
  async create(
    tenantId: string,
    w: { siteId: string; startsAt: Date; endsAt: Date; reason: string; createdBy: string },
  ): Promise<MaintenanceWindowRow | null> {
    const { rows } = await this.pool.query<MaintenanceWindowRow>(
      `INSERT INTO maintenance_window (id, tenant_id, site_id, starts_at, ends_at, reason, created_by)
       SELECT gen_random_uuid(), s.tenant_id, s.id, $3, $4, $5, $6 FROM site s WHERE s.id = $2 AND s.tenant_id = $1
       RETURNING ${COLUMNS}`,
      [tenantId, w.siteId, w.startsAt, w.endsAt, w.reason, w.createdBy],
    );
    return rows[0] ?? null;
  }

  /** Windows ending after `endingAfter` (all when omitted), soonest first. */
  async list(
    tenantId: string,
    filter: { siteId?: string; endingAfter?: Date },
  ): Promise<MaintenanceWindowRow[]> {
    const { rows } = await this.pool.query<MaintenanceWindowRow>(
      `SELECT ${COLUMNS} FROM maintenance_window
        WHERE tenant_id = $1 AND ($2::uuid IS NULL OR site_id = $2) AND ($3::timestamptz IS NULL OR ends_at > $3)
        ORDER BY starts_at, id`,
      [tenantId, filter.siteId ?? null, filter.endingAfter ?? null],
    );
    return rows;
  }

  async update(
    tenantId: string,
    id: string,
    w: { startsAt: Date; endsAt: Date; reason: string },
  ): Promise<MaintenanceWindowRow | null> {
    const { rows } = await this.pool.query<MaintenanceWindowRow>(
      `UPDATE maintenance_window SET starts_at = $3, ends_at = $4, reason = $5
        WHERE id = $2 AND tenant_id = $1 RETURNING ${COLUMNS}`,
      [tenantId, id, w.startsAt, w.endsAt, w.reason],
    );
    return rows[0] ?? null;
  }

  async remove(tenantId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM maintenance_window WHERE id = $2 AND tenant_id = $1',
      [tenantId, id],
    );
    return (rowCount ?? 0) > 0;
  }
}
