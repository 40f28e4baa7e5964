import type { PgPool } from '../client.js';
import type { AuditTargetOwner } from './audit.types.js';

/**
 * Which table holds each target type the audit recorder knows, and how to read its owner.
 * Organisation-level rows (channels) have no site. Types not listed stay unresolved.
 */
const OWNER_SQL: Readonly<Record<string, string>> = {
  site: 'SELECT tenant_id AS "tenantId", id AS "siteId" FROM site WHERE id = $1',
  gateway: 'SELECT tenant_id AS "tenantId", site_id AS "siteId" FROM gateway WHERE id = $1',
  string: 'SELECT tenant_id AS "tenantId", site_id AS "siteId" FROM bms_string WHERE id = $1',
  alarm: 'SELECT tenant_id AS "tenantId", site_id AS "siteId" FROM alarm WHERE id = $1',
  'maintenance-window':
    'SELECT tenant_id AS "tenantId", site_id AS "siteId" FROM maintenance_window WHERE id = $1',
  'support-grant': 'SELECT tenant_id AS "tenantId", site_id AS "siteId" FROM support_grant WHERE id = $1',
  'notification-channel':
    'SELECT tenant_id AS "tenantId", NULL::uuid AS "siteId" FROM notification_channel WHERE id = $1',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Gateway ids are their IoT thing names (docs/architecture.md), every other target id a UUID. */
const GATEWAY_ID = /^[a-z0-9-]{3,64}$/;

/**
 * Finds whose data an audited request touched. Runs on the system pool (the recorder works for
 * every organisation, after the request's scope is gone); the recorder then keeps the answer only
 * if the caller's own scope admits it, so a refused probe never writes a foreign owner into a row
 * the prober's organisation can read.
 */
export class AuditTargetRepository {
  constructor(private readonly pool: PgPool) {}

  /** Whether `type` is a target this repository can resolve. */
  knows(type: string): boolean {
    return type in OWNER_SQL;
  }

  async ownerOf(type: string, id: string): Promise<AuditTargetOwner | null> {
    const sql = OWNER_SQL[type];
    if (sql === undefined || !(type === 'gateway' ? GATEWAY_ID : UUID).test(id)) {
      return null;
    }
    const { rows } = await this.pool.query<AuditTargetOwner>(sql, [id]);
    return rows[0] ?? null;
  }

  /** The managing organisations of these sites (a support desk's granted sites), deduplicated. */
  async tenantsOfSites(siteIds: readonly string[]): Promise<string[]> {
    if (siteIds.length === 0) {
      return [];
    }
    const { rows } = await this.pool.query<{ tenantId: string }>(
      'SELECT DISTINCT tenant_id AS "tenantId" FROM site WHERE id = ANY($1::uuid[]) ORDER BY 1',
      [[...siteIds]],
    );
    return rows.map((r) => r.tenantId);
  }
}
