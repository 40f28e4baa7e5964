import type { AlarmSeverity } from '@fleet/telemetry';
import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';

/** A site of the scope for the fleet map: where it is, how many strings, its worst open alarm. */
export interface FleetSiteRow {
  siteId: string;
  name: string;
  address: string | null;
  /** Null when the site has no coordinates (the map lists it apart). */
  latitude: number | null;
  longitude: number | null;
  stringCount: number;
  worstSeverity: AlarmSeverity | null;
}

/** More would not be readable on one map; the answer says when it was cut. */
export const FLEET_SITES_MAX = 5000;

// Three set-based reads joined by site, so the cost grows with the scope's rows once, not per
// site: the sites, their string counts, and the open alarms through the partial alarm index.
const SITES_SQL = (siteScope: string, stringScope: string, alarmScope: string) => `
  WITH strings AS (
    SELECT b.site_id, count(*)::int AS n FROM bms_string b WHERE ${stringScope} GROUP BY b.site_id),
  alarms AS (
    SELECT al.site_id, min(al.severity) AS worst FROM alarm al
     WHERE ${alarmScope} AND al.status IN ('open', 'acknowledged') GROUP BY al.site_id)
  SELECT si.id AS "siteId", si.name, si.address, si.latitude, si.longitude,
         coalesce(st.n, 0) AS "stringCount", a.worst AS "worstSeverity"
    FROM site si
    LEFT JOIN strings st ON st.site_id = si.id
    LEFT JOIN alarms a ON a.site_id = si.id
   WHERE ${siteScope}
   ORDER BY si.name, si.id
   LIMIT $1`;

/** The scope's sites by name, at most `FLEET_SITES_MAX`; `truncated` when there were more. */
export async function readFleetSites(
  pool: PgPool,
  scope: ScopeArg,
): Promise<{ sites: FleetSiteRow[]; truncated: boolean }> {
  const params: unknown[] = [FLEET_SITES_MAX + 1];
  const siteScope = scopeSql(scope, { tenant: 'si.tenant_id', site: 'si.id' }, params);
  const stringScope = scopeSql(scope, { tenant: 'b.tenant_id', site: 'b.site_id' }, params);
  const alarmScope = scopeSql(scope, { tenant: 'al.tenant_id', site: 'al.site_id' }, params);
  const { rows } = await pool.query<FleetSiteRow>(SITES_SQL(siteScope, stringScope, alarmScope), params);
  return { sites: rows.slice(0, FLEET_SITES_MAX), truncated: rows.length > FLEET_SITES_MAX };
}
