import type { AlarmSeverity, PackState } from '@fleet/telemetry';
import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';
import {
  decodeFleetCursor,
  encodeFleetCursor,
  type FleetOverviewCursor,
  type FleetOverviewSort,
} from './string-latest.cursor.js';

/** One string in the fleet overview: its newest sample (string_latest) and its worst open alarm. */
export interface FleetOverviewRow {
  stringId: string;
  name: string;
  siteId: string;
  /** Null for a string that never sent a sample; staleness is the reader's call (now - lastTs). */
  lastTs: Date | null;
  state: PackState | null;
  socPct: number | null;
  sohPct: number | null;
  packVoltageDv: number | null;
  packCurrentDa: number | null;
  bmsTempDc: number | null;
  cellSpreadMv: number | null;
  cellTempMaxDc: number | null;
  /** From the newest sample's words: protection > alarm > none. */
  worstAlarm: 'protection' | 'alarm' | 'none';
  /** The worst severity among the string's open or acknowledged alarms; null when none. */
  worstSeverity: AlarmSeverity | null;
}

export interface FleetOverviewPage {
  rows: FleetOverviewRow[];
  /** Pass it back for the next page; null after the last one. */
  nextCursor: string | null;
}

export interface FleetOverviewOptions {
  cursor?: string | null;
  /** Default 100, at most 1000. */
  limit?: number;
  /** 'name' (default): by string name. 'severity': open alarms first, worst first, then by name. */
  sort?: FleetOverviewSort;
}

export const FLEET_OVERVIEW_DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;
const OPEN = `('open', 'acknowledged')`;

// Every query is a bounded read: an index range of bms_string (tenant_id, name, id) of `limit`
// rows, or the tenant's open alarms (partial index), then string_latest by primary key and the
// worst open alarm by the partial index, per listed string only.
const COLUMNS = `
  s.id AS "stringId", s.name, s.site_id AS "siteId", l.ts AS "lastTs", l.state,
  l.soc_pct AS "socPct", l.soh_pct AS "sohPct", l.pack_voltage_dv AS "packVoltageDv",
  l.pack_current_da AS "packCurrentDa", l.bms_temp_dc AS "bmsTempDc",
  l.cell_max_mv - l.cell_min_mv AS "cellSpreadMv", l.cell_temp_max_dc AS "cellTempMaxDc",
  CASE WHEN coalesce(l.protection_bits, 0) <> 0 THEN 'protection'
       WHEN coalesce(l.alarm_bits, 0) <> 0 THEN 'alarm' ELSE 'none' END AS "worstAlarm"`;

// Placeholders: $1 limit, $2.. the cursor, then the scope's two (scopeSql); `scope` is that predicate
// over columns tenant_id and site_id of the alias it is written for.
const BY_NAME_SQL = (after: boolean, withoutOpenAlarms: boolean, scope: string) => `
  SELECT ${COLUMNS}, a.severity AS "worstSeverity"
    FROM bms_string s
    LEFT JOIN string_latest l ON l.string_id = s.id
    LEFT JOIN LATERAL (
      SELECT al.severity FROM alarm al
       WHERE al.string_id = s.id AND al.status IN ${OPEN}
       ORDER BY al.severity LIMIT 1) a ON true
   WHERE ${scope.replaceAll('{t}', 's')} ${after ? 'AND (s.name, s.id) > ($2::text, $3::uuid)' : ''}
     ${withoutOpenAlarms ? 'AND a.severity IS NULL' : ''}
   ORDER BY s.name, s.id
   LIMIT $1`;

// The enum sorts critical < major < warning < info, so the smallest severity is the worst.
const ALARMED_SQL = (after: boolean, scope: string) => `
  WITH worst AS (
    SELECT DISTINCT ON (al.string_id) al.string_id, al.severity
      FROM alarm al
     WHERE ${scope.replaceAll('{t}', 'al')} AND al.string_id IS NOT NULL AND al.status IN ${OPEN}
     ORDER BY al.string_id, al.severity)
  SELECT ${COLUMNS}, w.severity AS "worstSeverity"
    FROM worst w
    JOIN bms_string s ON s.id = w.string_id
    LEFT JOIN string_latest l ON l.string_id = s.id
   ${after ? 'WHERE (w.severity, s.name, s.id) > ($2::"AlarmSeverity", $3::text, $4::uuid)' : ''}
   ORDER BY w.severity, s.name, s.id
   LIMIT $1`;

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) {
    return FLEET_OVERVIEW_DEFAULT_LIMIT;
  }
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

/** The query's parameters followed by the scope's, and the scope predicate with `{t}` for the alias. */
function withScope(scope: ScopeArg, params: unknown[]): [string, unknown[]] {
  const where = scopeSql(scope, { tenant: '{t}.tenant_id', site: '{t}.site_id' }, params);
  return [where, params];
}

/** One page of the strings in the caller's scope; see TelemetryReadRepository.fleetOverview. */
export async function readFleetOverview(
  pool: PgPool,
  scope: ScopeArg,
  options: FleetOverviewOptions = {},
): Promise<FleetOverviewPage> {
  const sort = options.sort ?? 'name';
  const limit = clampLimit(options.limit);
  const cursor = options.cursor ? decodeFleetCursor(options.cursor, sort) : undefined;
  // One row more than the page tells whether another page follows.
  const rows: FleetOverviewRow[] = [];
  let phase: FleetOverviewCursor['phase'] = cursor?.phase ?? (sort === 'severity' ? 'alarmed' : 'rest');
  if (phase === 'alarmed') {
    const after = cursor?.phase === 'alarmed';
    const [where, params] = withScope(
      scope,
      after ? [limit + 1, cursor.severity, cursor.name, cursor.id] : [limit + 1],
    );
    rows.push(...(await pool.query<FleetOverviewRow>(ALARMED_SQL(after, where), params)).rows);
    if (rows.length <= limit) {
      phase = 'rest';
    }
  }
  if (phase === 'rest' && rows.length <= limit) {
    const after = cursor?.phase === 'rest';
    const want = limit + 1 - rows.length;
    const [where, params] = withScope(scope, after ? [want, cursor.name, cursor.id] : [want]);
    const sql = BY_NAME_SQL(after, sort === 'severity', where);
    rows.push(...(await pool.query<FleetOverviewRow>(sql, params)).rows);
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  if (rows.length <= limit || !last) {
    return { rows: page, nextCursor: null };
  }
  // In the severity sort, only the first phase lists strings with an open alarm.
  const lastPhase = sort === 'severity' && last.worstSeverity !== null ? 'alarmed' : 'rest';
  return {
    rows: page,
    nextCursor: encodeFleetCursor({
      sort,
      phase: lastPhase,
      ...(lastPhase === 'alarmed' && last.worstSeverity ? { severity: last.worstSeverity } : {}),
      name: last.name,
      id: last.stringId,
    }),
  };
}
