import { type ScopeArg, scopeSql } from '../access/index.js';
import type { FleetListCursor } from './fleet-list.cursor.js';
import type { FleetListFilters, FleetListSort, SortDirection } from './fleet-list.types.js';

/** The clock-derived bounds every list query needs, computed once per call. */
export interface FleetClock {
  /** A sample older than this is stale. */
  staleBefore: Date;
  /** Completeness window: the last 24 whole hours [from, to). */
  from: Date;
  to: Date;
}

const OPEN = `('open', 'acknowledged')`;

// The worst open alarm per string as one aggregate over the scope's open alarms (partial index
// on open alarms; the enum sorts critical first), hash-joined: a per-string lateral probe is
// planned badly under row-level security (a scan of the tenant's alarms per string, 4 s at 10k).
const WORST_ALARM = (alarmScope: string) => `LEFT JOIN (
      SELECT al.string_id, min(al.severity) AS severity FROM alarm al
       WHERE ${alarmScope} AND al.string_id IS NOT NULL AND al.status IN ${OPEN}
       GROUP BY al.string_id) a ON a.string_id = s.id`;

// A silent string is 'offline' once ingest's stale sweep said so (its newest connectivity event),
// 'stale' before that; the subquery runs for silent strings only.
const STATUS = (staleBefore: string) => `CASE
      WHEN l.ts IS NULL THEN 'offline'
      WHEN l.ts < ${staleBefore} THEN CASE WHEN (
        SELECT ce.kind FROM connectivity_event ce WHERE ce.string_id = s.id ORDER BY ce.ts DESC LIMIT 1
      ) = 'offline' THEN 'offline' ELSE 'stale' END
      WHEN l.state = 'charge' THEN 'charging'
      WHEN l.state = 'discharge' THEN 'discharging'
      ELSE 'idle' END`;

/**
 * Covered seconds of the 24 h window over its length, in % with one decimal: the SQL function
 * string_completeness_pct (20270120000000_string_completeness; string_rollup_1h primary-key range).
 */
export const COMPLETENESS = (id: string, from: string, to: string) =>
  `string_completeness_pct(${id}, ${from}, ${to})`;

/**
 * The same value from the rollup job's stored row (`sc`, string_completeness) when it is of this
 * window, computed otherwise (a new string, or the first minutes of an hour before the job moved
 * the rows): a lookup per string instead of 24 rollup rows, so sorting 10,000 strings by it is a
 * sort of stored numbers.
 */
const STORED_COMPLETENESS = (from: string, to: string) =>
  `CASE WHEN sc.window_end = ${to} THEN sc.completeness_pct ELSE ${COMPLETENESS('s.id', from, to)} END`;

/** Appends values to a parameter list and hands back their placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast = ''): string {
    this.values.push(value);
    return `$${this.values.length}${cast}`;
  }
}

/** `%text%` for ILIKE with the pattern characters of the user's text taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The strings of the scope with everything a filter or sort can look at, as subquery `f`.
 * Scope, search and site filters go here; status and severity filter on `f`'s columns.
 */
export function candidatesSql(
  scope: ScopeArg,
  filters: FleetListFilters,
  clock: FleetClock,
  p: Params,
  withCompleteness: boolean,
): string {
  const where = [scopeSql(scope, { tenant: 's.tenant_id', site: 's.site_id' }, p.values)];
  const alarmScope = scopeSql(scope, { tenant: 'al.tenant_id', site: 'al.site_id' }, p.values);
  if (filters.q) {
    const q = p.add(likePattern(filters.q));
    where.push(`(s.name ILIKE ${q} OR si.name ILIKE ${q} OR si.address ILIKE ${q})`);
  }
  if (filters.siteIds?.length) {
    where.push(`s.site_id = ANY (${p.add(filters.siteIds, '::uuid[]')})`);
  }
  const completeness = withCompleteness
    ? `, ${STORED_COMPLETENESS(p.add(clock.from, '::timestamptz'), p.add(clock.to, '::timestamptz'))} AS "completenessPct"`
    : '';
  return `(
    SELECT s.id AS "stringId", s.name, s.site_id AS "siteId", si.name AS "siteName",
           si.address AS "siteAddress", si.latitude, si.longitude, l.ts AS "lastTs", l.state,
           l.soc_pct AS "socPct", l.soh_pct AS "sohPct", a.severity AS "worstSeverity",
           ${STATUS(p.add(clock.staleBefore, '::timestamptz'))} AS status${completeness}
      FROM bms_string s
      JOIN site si ON si.id = s.site_id
      LEFT JOIN string_latest l ON l.string_id = s.id
      ${WORST_ALARM(alarmScope)}
      ${withCompleteness ? 'LEFT JOIN string_completeness sc ON sc.string_id = s.id' : ''}
     WHERE ${where.join(' AND ')}) f`;
}

/** Conditions on `f`: status, severity, open alarm or not. */
export function outerFilters(filters: FleetListFilters, p: Params): string[] {
  const where: string[] = [];
  if (filters.statuses?.length) {
    where.push(`f.status = ANY (${p.add(filters.statuses, '::text[]')})`);
  }
  if (filters.severities?.length) {
    where.push(`f."worstSeverity" = ANY (${p.add(filters.severities, '::"AlarmSeverity"[]')})`);
  }
  if (filters.hasOpenAlarm !== undefined) {
    where.push(`f."worstSeverity" IS ${filters.hasOpenAlarm ? 'NOT ' : ''}NULL`);
  }
  return where;
}

/**
 * The sort key of `f` as float8 (null for the name sort). SOC and SOH without a value come last
 * in both directions; a string never seen is the longest silent (epoch 0).
 */
export function sortKeySql(sort: FleetListSort, dir: SortDirection): string | null {
  const missing = dir === 'asc' ? 1000 : -1;
  switch (sort) {
    case 'name':
      return null;
    case 'severity':
      return `(CASE f."worstSeverity" WHEN 'critical' THEN 1 WHEN 'major' THEN 2 WHEN 'warning' THEN 3
               WHEN 'info' THEN 4 ELSE 5 END)::float8`;
    case 'soc':
      return `coalesce(f."socPct", ${missing})::float8`;
    case 'soh':
      return `coalesce(f."sohPct", ${missing})::float8`;
    case 'completeness':
      return `f."completenessPct"`;
    case 'lastSeen':
      return `extract(epoch FROM coalesce(f."lastTs", 'epoch'::timestamptz))::float8`;
  }
}

/** ORDER BY and the keyset condition after `cursor` (ties by name, id ascending, except name desc). */
export function keysetSql(
  key: string | null,
  dir: SortDirection,
  cursor: FleetListCursor | undefined,
  p: Params,
): { orderBy: string; after: string | null } {
  const after = (name: string, id: string) =>
    `(f.name, f."stringId") ${key === null && dir === 'desc' ? '<' : '>'} (${name}, ${id})`;
  if (key === null) {
    const d = dir === 'desc' ? ' DESC' : '';
    return {
      orderBy: `f.name${d}, f."stringId"${d}`,
      after: cursor ? after(p.add(cursor.name, '::text'), p.add(cursor.id, '::uuid')) : null,
    };
  }
  const orderBy = `${key} ${dir === 'desc' ? 'DESC' : 'ASC'}, f.name, f."stringId"`;
  if (!cursor) {
    return { orderBy, after: null };
  }
  // One row comparison, so the key is computed once per string (as `key > k OR (key = k AND
  // tie)` it was three times; with completeness computed, a cursor page took 10 s at 10k). The
  // key is never null; descending compares its negation, ties still ascend.
  const neg = dir === 'desc' ? '-' : '';
  const k = p.add(cursor.key, '::float8');
  const name = p.add(cursor.name, '::text');
  const id = p.add(cursor.id, '::uuid');
  return { orderBy, after: `(${neg}(${key}), f.name, f."stringId") > (${neg}${k}, ${name}, ${id})` };
}
