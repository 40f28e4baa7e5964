import type { PgPool } from '../client.js';

/** One bus's latest report as stored (body: `{ protocol, strings }` of the topology event). */
export interface TopologyReportRow {
  gatewayId: string;
  bus: string;
  reportedAt: Date;
  receivedAt: Date;
  body: { protocol?: string; strings?: unknown[] };
}

/** A registered string of the site, as identity knows it. */
export interface TopologyStringRow {
  id: string;
  gatewayId: string;
  bus: string;
  bmsAddress: number;
  bmsSerial: string | null;
  name: string;
  moduleCount: number | null;
}

export interface TopologyConfirmationRow {
  id: string;
  siteId: string;
  confirmedBy: string;
  confirmedByName: string | null;
  confirmedAt: Date;
  expected: unknown;
  note: string | null;
}

/**
 * Topology reads and the installer's confirmation (issue 10). The API runs it on the scoped pool,
 * so a site out of the caller's scope has no rows.
 */
export class TopologyRepository {
  constructor(private readonly pool: PgPool) {}

  /** Whether the site is in scope; `tenantId` narrows it to the managing organisation's. */
  async siteExists(siteId: string, tenantId?: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'SELECT 1 FROM site WHERE id = $1 AND ($2::uuid IS NULL OR tenant_id = $2)',
      [siteId, tenantId ?? null],
    );
    return (rowCount ?? 0) > 0;
  }

  /** Ids of the site's gateways (a confirmation may name only these). */
  async gatewayIds(siteId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>('SELECT id FROM gateway WHERE site_id = $1', [
      siteId,
    ]);
    return rows.map((r) => r.id);
  }

  async reports(siteId: string): Promise<TopologyReportRow[]> {
    const { rows } = await this.pool.query<TopologyReportRow>(
      `SELECT gateway_id AS "gatewayId", bus, reported_at AS "reportedAt", received_at AS "receivedAt", body
         FROM topology_report WHERE site_id = $1 ORDER BY gateway_id, bus`,
      [siteId],
    );
    return rows;
  }

  /** The site's strings on the wire's addresses (parked ones, address < 0, are left out). */
  async strings(siteId: string): Promise<TopologyStringRow[]> {
    const { rows } = await this.pool.query<TopologyStringRow>(
      `SELECT id, gateway_id AS "gatewayId", bus, bms_address AS "bmsAddress", bms_serial AS "bmsSerial",
              name, module_count AS "moduleCount"
         FROM bms_string WHERE site_id = $1 AND bms_address >= 0
        ORDER BY gateway_id, bus, bms_address`,
      [siteId],
    );
    return rows;
  }

  async latestConfirmation(siteId: string): Promise<TopologyConfirmationRow | null> {
    const { rows } = await this.pool.query<TopologyConfirmationRow>(
      `SELECT c.id, c.site_id AS "siteId", c.confirmed_by AS "confirmedBy", u.name AS "confirmedByName",
              c.confirmed_at AS "confirmedAt", c.expected, c.note
         FROM topology_confirmation c LEFT JOIN app_user u ON u.id::text = c.confirmed_by
        WHERE c.site_id = $1 ORDER BY c.confirmed_at DESC, c.id DESC LIMIT 1`,
      [siteId],
    );
    return rows[0] ?? null;
  }

  /** Appends a confirmation on a site of `tenantId`; null when there is no such site. */
  async confirm(input: {
    tenantId: string;
    siteId: string;
    userId: string;
    expected: unknown;
    note: string | null;
  }): Promise<TopologyConfirmationRow | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      `INSERT INTO topology_confirmation (id, tenant_id, site_id, confirmed_by, expected, note)
       SELECT gen_random_uuid(), s.tenant_id, s.id, $3, $4, $5 FROM site s WHERE s.id = $2 AND s.tenant_id = $1
       RETURNING id`,
      [input.tenantId, input.siteId, input.userId, JSON.stringify(input.expected), input.note],
    );
    return rows[0] ? this.latestConfirmation(input.siteId) : null;
  }
}
