import type { ScopeArg } from '../access/index.js';
import type { PgPool } from '../client.js';
import { completenessWindow } from './fleet-list.completeness.js';
import { decodeFleetListCursor, encodeFleetListCursor } from './fleet-list.cursor.js';
import {
  COMPLETENESS,
  candidatesSql,
  type FleetClock,
  keysetSql,
  outerFilters,
  Params,
  sortKeySql,
} from './fleet-list.sql.js';
import {
  FLEET_STALE_AFTER_S,
  type FleetListOptions,
  type FleetListPage,
  type FleetListRow,
} from './fleet-list.types.js';

export const FLEET_LIST_DEFAULT_LIMIT = 100;
const MAX_LIMIT = 1000;

function clampLimit(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) {
    return FLEET_LIST_DEFAULT_LIMIT;
  }
  return Math.min(MAX_LIMIT, Math.max(1, Math.trunc(limit)));
}

/** Completeness counts whole hours only: the rollup job has not seen the current one yet. */
export function fleetClock(now: Date): FleetClock {
  return { staleBefore: new Date(now.getTime() - FLEET_STALE_AFTER_S * 1000), ...completenessWindow(now) };
}

type KeyedRow = FleetListRow & { sortKey: number | null };

/**
 * The page row's fleet_cohort_stat as FleetRowCohort, null without one (no daily run yet). A
 * subquery per page row, not a join: it is one primary-key probe each, where a join is planned as
 * a scan of the whole table under row-level security (measured at 10k strings).
 */
const COHORT = `(SELECT json_build_object(
      'label', c.cohort_label, 'size', c.cohort_size,
      'fadePctPerYear', c.fade_pct_per_year, 'cohortFadePctPerYear', c.cohort_fade_pct_per_year,
      'fadeWorse', c.fade_worse, 'spreadGrowthMvPerMonth', c.spread_growth_mv_per_month,
      'cohortSpreadGrowthMvPerMonth', c.cohort_spread_growth_mv_per_month, 'spreadWorse', c.spread_worse,
      'computedAt', to_char(c.computed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      FROM fleet_cohort_stat c WHERE c.string_id = f."stringId")`;

/**
 * One page of the fleet list. The candidates (scope, search, site) are read once with their
 * newest values, worst open alarm and status; filters, the keyset condition and the order apply
 * on top, and completeness is computed for the page's rows only; when it is the sort, every
 * candidate's comes from string_completeness (the rollup job's rows, computed where a row is not
 * of the current window). The total runs the same filters without keyset, order or completeness.
 */
export async function readFleetList(
  pool: PgPool,
  scope: ScopeArg,
  options: FleetListOptions = {},
): Promise<FleetListPage> {
  const sort = options.sort ?? 'name';
  const dir = options.dir ?? 'asc';
  const limit = clampLimit(options.limit);
  const cursor = options.cursor ? decodeFleetListCursor(options.cursor, sort, dir) : undefined;
  const clock = fleetClock(options.now ?? new Date());
  const [rows, total] = await Promise.all([
    pool.query<KeyedRow>(pageSql(scope, options, clock, cursor, limit + 1)),
    pool.query<{ total: number }>(countSql(scope, options, clock)),
  ]);
  const page = rows.rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor =
    rows.rows.length > limit && last
      ? encodeFleetListCursor({ sort, dir, key: last.sortKey, name: last.name, id: last.stringId })
      : null;
  return { rows: page.map(({ sortKey: _, ...row }) => row), total: total.rows[0]?.total ?? 0, nextCursor };
}

function pageSql(
  scope: ScopeArg,
  options: FleetListOptions,
  clock: FleetClock,
  cursor: ReturnType<typeof decodeFleetListCursor> | undefined,
  take: number,
) {
  const sort = options.sort ?? 'name';
  const dir = options.dir ?? 'asc';
  const p = new Params();
  const byCompleteness = sort === 'completeness';
  const from = candidatesSql(scope, options.filters ?? {}, clock, p, byCompleteness);
  const where = outerFilters(options.filters ?? {}, p);
  const key = sortKeySql(sort, dir);
  const { orderBy, after } = keysetSql(key, dir, cursor, p);
  if (after) {
    where.push(after);
  }
  const inner = `SELECT f.*, ${key ?? 'NULL::float8'} AS "sortKey" FROM ${from}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${orderBy} LIMIT ${p.add(take, '::int')}`;
  const completeness = byCompleteness
    ? ''
    : `, ${COMPLETENESS('f."stringId"', p.add(clock.from, '::timestamptz'), p.add(clock.to, '::timestamptz'))} AS "completenessPct"`;
  // The outer level orders the page again (a subquery's order is not kept) with the same keys, and
  // looks up the page rows' cohort comparisons (fleet_cohort_stat primary key).
  return {
    text: `SELECT f.*${completeness}, ${COHORT} AS cohort FROM (${inner}) f ORDER BY ${orderBy}`,
    values: p.values,
  };
}

function countSql(scope: ScopeArg, options: FleetListOptions, clock: FleetClock) {
  const p = new Params();
  const from = candidatesSql(scope, options.filters ?? {}, clock, p, false);
  const where = outerFilters(options.filters ?? {}, p);
  return {
    text: `SELECT count(*)::int AS total FROM ${from} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`,
    values: p.values,
  };
}
