import type { PgPool } from '../client.js';

/** One string of a site as the commissioning checklist reads it. */
export interface CommissioningStringRow {
  stringId: string;
  name: string;
  expectedModules: number | null;
  firstSampleAt: Date | null;
  presentModules: number;
  lastModuleSeenAt: Date | null;
  /** The first sample at or above the full-charge SOC, null before the first full charge. */
  fullChargeAt: Date | null;
  /** The newest samples from the full charge on (at most SAMPLES_AFTER_FULL_CHARGE). */
  samplesAfter: { ts: Date; packCurrentDa: number; cellMaxMv: number | null; cellMinMv: number | null }[];
}

export interface CommissioningGatewayRow {
  gatewayId: string;
  at: Date;
  receivedAt: Date | null;
  bus: Record<string, unknown> | null;
  prevAt: Date | null;
  prevBus: Record<string, unknown> | null;
}

export interface SiteSerials {
  strings: {
    stringId: string;
    name: string;
    bus: string;
    bmsAddress: number;
    /** Only where the BMS reports one (topology discovery); never invented. */
    bmsSerial: string | null;
    modules: { position: number; moduleType: string; serial: string | null }[];
  }[];
  mbms: { name: string; serial: string | null }[];
}

export interface SiteCommissioningRow {
  siteId: string;
  completedAt: Date;
  completedBy: string;
  installerName: string;
  checklist: unknown;
  serials: SiteSerials;
}

/**
 * What the installer confirmed was installed (the site's newest topology confirmation, issue 10),
 * one row per string; empty without a confirmation, and then each string's configured (or
 * BMS-reported) module count is what is expected. The one place the checklist reads the topology.
 */
const EXPECTED_CTE = `WITH expected AS (
  SELECT e->>'gatewayId' AS gw, e->>'bus' AS bus, (e->>'bmsAddress')::int AS addr,
         (e->>'moduleCount')::int AS modules, e->>'bmsSerial' AS serial
    FROM (SELECT expected FROM topology_confirmation WHERE site_id = $1 ORDER BY confirmed_at DESC LIMIT 1) c,
         jsonb_array_elements(c.expected->'strings') e)`;
/** A confirmed string is a registered one by BMS serial where both know it, else by its place. */
const MATCHES = `((x.serial IS NOT NULL AND b.bms_serial IS NOT NULL AND x.serial = b.bms_serial)
  OR ((x.serial IS NULL OR b.bms_serial IS NULL) AND x.gw = b.gateway_id AND x.bus = b.bus AND x.addr = b.bms_address))`;

/** Enough recent samples to find one at rest after a full charge without reading the whole history. */
export const SAMPLES_AFTER_FULL_CHARGE = 60;

/**
 * What a site's commissioning checklist reads (strings, modules, samples, heartbeats) and its
 * completed record. Runs on the scoped pool: a site out of the caller's scope reads as empty.
 */
export class CommissioningRepository {
  constructor(private readonly pool: PgPool) {}

  async siteVisible(siteId: string): Promise<boolean> {
    const { rows } = await this.pool.query('SELECT 1 FROM site WHERE id = $1', [siteId]);
    return rows.length > 0;
  }

  async strings(siteId: string, fullChargeSocPct: number): Promise<CommissioningStringRow[]> {
    const registered = await this.registeredStrings(siteId, fullChargeSocPct);
    return [...registered, ...(await this.confirmedButAbsent(siteId))];
  }

  private async registeredStrings(
    siteId: string,
    fullChargeSocPct: number,
  ): Promise<CommissioningStringRow[]> {
    const { rows } = await this.pool.query<CommissioningStringRow>(
      `${EXPECTED_CTE}
       SELECT b.id AS "stringId", b.name,
              coalesce((SELECT x.modules FROM expected x WHERE ${MATCHES} LIMIT 1), b.module_count::int) AS "expectedModules",
              (SELECT min(p.ts) FROM pack_sample p WHERE p.string_id = b.id) AS "firstSampleAt",
              m.present::int AS "presentModules", m.last_seen AS "lastModuleSeenAt",
              fc.ts AS "fullChargeAt",
              coalesce((SELECT json_agg(json_build_object('ts', r.ts, 'packCurrentDa', r.pack_current_da,
                          'cellMaxMv', r.cell_max_mv, 'cellMinMv', r.cell_min_mv))
                          FROM (SELECT * FROM pack_sample p WHERE p.string_id = b.id AND p.ts >= fc.ts
                                 ORDER BY p.ts DESC LIMIT ${SAMPLES_AFTER_FULL_CHARGE}) r), '[]'::json) AS "samplesAfter"
         FROM bms_string b
         LEFT JOIN LATERAL (SELECT count(*) AS present, max(last_seen_at) AS last_seen FROM bms_module
                             WHERE string_id = b.id AND removed_at IS NULL) m ON true
         LEFT JOIN LATERAL (SELECT min(p.ts) AS ts FROM pack_sample p
                             WHERE p.string_id = b.id AND p.soc_pct >= $2) fc ON true
        WHERE b.site_id = $1
        ORDER BY b.name, b.id`,
      [siteId, fullChargeSocPct],
    );
    return rows.map((r) => ({
      ...r,
      samplesAfter: r.samplesAfter.map((s) => ({ ...s, ts: new Date(s.ts) })),
    }));
  }

  /**
   * Strings the installer confirmed (topology confirmation) that no gateway has reported yet: the
   * checklist waits for them, as they are part of what was installed.
   */
  private async confirmedButAbsent(siteId: string): Promise<CommissioningStringRow[]> {
    const { rows } = await this.pool.query<{ gw: string; bus: string; addr: number; modules: number }>(
      `${EXPECTED_CTE}
       SELECT x.gw, x.bus, x.addr, x.modules FROM expected x
        WHERE NOT EXISTS (SELECT 1 FROM bms_string b WHERE b.site_id = $1 AND ${MATCHES})
        ORDER BY x.gw, x.bus, x.addr`,
      [siteId],
    );
    return rows.map((r) => ({
      stringId: `expected:${r.gw}/${r.bus}/${r.addr}`,
      name: `${r.gw} ${r.bus} address ${r.addr}`,
      expectedModules: r.modules,
      firstSampleAt: null,
      presentModules: 0,
      lastModuleSeenAt: null,
      fullChargeAt: null,
      samplesAfter: [],
    }));
  }

  async gateways(siteId: string): Promise<CommissioningGatewayRow[]> {
    const { rows } = await this.pool.query<CommissioningGatewayRow>(
      `SELECT g.id AS "gatewayId", h.at, h.received_at AS "receivedAt", h.bus,
              h.prev_at AS "prevAt", h.prev_bus AS "prevBus"
         FROM gateway g JOIN gateway_heartbeat h ON h.gateway_id = g.id
        WHERE g.site_id = $1 ORDER BY g.id`,
      [siteId],
    );
    return rows;
  }

  async serials(siteId: string): Promise<SiteSerials> {
    const strings = await this.pool.query<SiteSerials['strings'][number]>(
      `SELECT b.id AS "stringId", b.name, b.bus, b.bms_address AS "bmsAddress",
              b.bms_serial AS "bmsSerial",
              coalesce((SELECT json_agg(json_build_object('position', m.position, 'moduleType', m.module_type,
                          'serial', m.serial) ORDER BY m.position)
                          FROM bms_module m WHERE m.string_id = b.id AND m.removed_at IS NULL), '[]'::json) AS modules
         FROM bms_string b WHERE b.site_id = $1 ORDER BY b.name, b.id`,
      [siteId],
    );
    const mbms = await this.pool.query<SiteSerials['mbms'][number]>(
      'SELECT name, serial FROM mbms_group WHERE site_id = $1 ORDER BY name',
      [siteId],
    );
    return { strings: strings.rows, mbms: mbms.rows };
  }

  async record(siteId: string): Promise<SiteCommissioningRow | null> {
    const { rows } = await this.pool.query<SiteCommissioningRow>(
      `SELECT site_id AS "siteId", completed_at AS "completedAt", completed_by AS "completedBy",
              installer_name AS "installerName", checklist, serials
         FROM site_commissioning WHERE site_id = $1`,
      [siteId],
    );
    return rows[0] ?? null;
  }

  /** The completed checklist of the site a string belongs to (the evidence pack's install record). */
  async recordForString(stringId: string): Promise<SiteCommissioningRow | null> {
    const { rows } = await this.pool.query<SiteCommissioningRow>(
      `SELECT c.site_id AS "siteId", c.completed_at AS "completedAt", c.completed_by AS "completedBy",
              c.installer_name AS "installerName", c.checklist, c.serials
         FROM site_commissioning c JOIN bms_string b ON b.site_id = c.site_id WHERE b.id = $1`,
      [stringId],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores the completed checklist of one of the organisation's own sites and dates each string's
   * install record where none was entered (an entered date stays: the installer knows better).
   * One transaction; null when the site is not the organisation's or is already commissioned.
   */
  async complete(
    tenantId: string,
    siteId: string,
    record: { completedAt: Date; completedBy: string; checklist: unknown; serials: SiteSerials },
  ): Promise<SiteCommissioningRow | null> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<SiteCommissioningRow>(
        `INSERT INTO site_commissioning (site_id, tenant_id, completed_at, completed_by, installer_name, checklist, serials)
         SELECT s.id, s.tenant_id, $3, $4,
                coalesce((SELECT u.name FROM app_user u WHERE u.id::text = $4), $4), $5::jsonb, $6::jsonb
           FROM site s WHERE s.id = $2 AND s.tenant_id = $1
         ON CONFLICT (site_id) DO NOTHING
         RETURNING site_id AS "siteId", completed_at AS "completedAt", completed_by AS "completedBy",
                   installer_name AS "installerName", checklist, serials`,
        [
          tenantId,
          siteId,
          record.completedAt,
          record.completedBy,
          JSON.stringify(record.checklist),
          JSON.stringify(record.serials),
        ],
      );
      const row = rows[0];
      if (row) {
        await client.query(
          `INSERT INTO string_commissioning (string_id, commissioned_at, commissioned_by, notes, recorded_by)
           SELECT b.id, $2, $3, 'Commissioning checklist completed', $4 FROM bms_string b WHERE b.site_id = $1
           ON CONFLICT (string_id) DO NOTHING`,
          [siteId, record.completedAt, row.installerName, record.completedBy],
        );
      }
      await client.query('COMMIT');
      return row ?? null;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}
