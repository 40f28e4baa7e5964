import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';

/** One hour of a site's local day: energy summed over the site's strings (1-hour rollups). */
export interface SiteEnergyHour {
  /** Start of the rollup bucket (UTC hour). */
  start: Date;
  /** The same instant on the site's wall clock, `HH:MM`. */
  localTime: string;
  energyInWh: number;
  energyOutWh: number;
  /** Strings with a rollup row in this hour (0 = no data, not "no energy"). */
  strings: number;
}

export interface SiteEnergyDay {
  timezone: string;
  /** The local day, `YYYY-MM-DD`. */
  date: string;
  dayStart: Date;
  dayEnd: Date;
  hours: SiteEnergyHour[];
}

/**
 * The site's local day [day_start, day_end) and every UTC hour starting inside it (23, 24 or 25 on
 * DST days; in a zone with a half-hour offset each hour starts at :30 local time, since rollup
 * buckets are UTC hours), left-joined to the energy of the site's strings. `$2` null = today on
 * the site's clock. The site filter is the scope check: an invisible site gives no rows at all,
 * while a visible one always gives its hours, so "no site" and "no data" stay apart. The strings
 * are scope-filtered too, and sit under row-level security (bms_string) like the site.
 */
const SITE_ENERGY_SQL = `
WITH day AS (
  SELECT s.id AS site_id, s.timezone AS tz,
         coalesce($2::date, (now() AT TIME ZONE s.timezone)::date) AS d
    FROM site s
   WHERE s.id = $1 AND {siteScope}
), bounds AS (
  SELECT day.*, d::timestamp AT TIME ZONE tz AS day_start, (d + 1)::timestamp AT TIME ZONE tz AS day_end,
         date_trunc('hour', d::timestamp AT TIME ZONE tz AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS first_hour
    FROM day
), hours AS (
  SELECT b.*, h
    FROM bounds b,
         generate_series(CASE WHEN b.first_hour < b.day_start THEN b.first_hour + interval '1 hour' ELSE b.first_hour END,
                         b.day_end - interval '1 second', interval '1 hour') AS h
), energy AS (
  SELECT r.bucket_start, sum(r.energy_in_wh)::float8 AS wh_in, sum(r.energy_out_wh)::float8 AS wh_out,
         count(*)::int AS strings
    FROM bounds b
    JOIN bms_string s ON s.site_id = b.site_id
    JOIN string_rollup_1h r ON r.string_id = s.id
   WHERE r.bucket_start >= b.day_start AND r.bucket_start < b.day_end AND {stringScope}
   GROUP BY r.bucket_start
)
SELECT hours.tz AS timezone, to_char(hours.d, 'YYYY-MM-DD') AS date,
       hours.day_start AS "dayStart", hours.day_end AS "dayEnd",
       hours.h AS start, to_char(hours.h AT TIME ZONE hours.tz, 'HH24:MI') AS "localTime",
       coalesce(e.wh_in, 0) AS "energyInWh", coalesce(e.wh_out, 0) AS "energyOutWh",
       coalesce(e.strings, 0) AS strings
  FROM hours
  LEFT JOIN energy e ON e.bucket_start = hours.h
 ORDER BY hours.h`;

interface Row extends SiteEnergyHour {
  timezone: string;
  date: string;
  dayStart: Date;
  dayEnd: Date;
}

/** Hourly charged / discharged energy of a site's local day, for the site view's energy flow. */
export class SiteEnergyRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * `date` is the site's local day (`YYYY-MM-DD`), default today there. Null when the site is not
   * in the scope (or does not exist).
   */
  async day(scope: ScopeArg, siteId: string, date?: string): Promise<SiteEnergyDay | null> {
    const params: unknown[] = [siteId, date ?? null];
    const sql = SITE_ENERGY_SQL.replace(
      '{siteScope}',
      scopeSql(scope, { tenant: 's.tenant_id', site: 's.id' }, params),
    ).replace('{stringScope}', scopeSql(scope, { tenant: 's.tenant_id', site: 's.site_id' }, params));
    const { rows } = await this.pool.query<Row>(sql, params);
    const first = rows[0];
    if (!first) {
      return null;
    }
    return {
      timezone: first.timezone,
      date: first.date,
      dayStart: first.dayStart,
      dayEnd: first.dayEnd,
      hours: rows.map(({ start, localTime, energyInWh, energyOutWh, strings }) => ({
        start,
        localTime,
        energyInWh,
        energyOutWh,
        strings,
      })),
    };
  }
}
