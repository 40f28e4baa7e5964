import type { PackState } from '@fleet/telemetry';
import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';
import { MINUTE_ROWS_FROM } from './rollup-minutes.js';
import { rollupTable } from './rollup-sql.js';
import { pickTrendTier, type TrendTier } from './rollup-tier.js';
import {
  type FleetOverviewOptions,
  type FleetOverviewPage,
  readFleetOverview,
} from './string-latest.overview.js';

export type { FleetOverviewSort } from './string-latest.cursor.js';
export { InvalidFleetCursorError } from './string-latest.cursor.js';
export type { FleetOverviewOptions, FleetOverviewPage, FleetOverviewRow } from './string-latest.overview.js';

/**
 * The newest pack sample of a string, with the field names and integer units of the telemetry
 * `PackSample` (Dv = 0.1 V, Da = 0.1 A with + = charging, Dc = 0.1 °C). A column the BMS did not
 * report is null, never a made-up value.
 */
export interface LatestPackSample {
  stringId: string;
  ts: Date;
  packVoltageDv: number;
  packCurrentDa: number;
  bmsTempDc: number;
  socPct: number;
  sohPct: number;
  chargeCutoffDv: number | null;
  dischargeCutoffDv: number | null;
  chargeLimitDa: number | null;
  dischargeLimitDa: number | null;
  cellMaxMv: number | null;
  cellMinMv: number | null;
  cellMaxNo: number | null;
  cellMinNo: number | null;
  cellTempMaxDc: number | null;
  cellTempMinDc: number | null;
  cellTempMaxNo: number | null;
  cellTempMinNo: number | null;
  state: PackState | null;
  alarmBits: number | null;
  protectionBits: number | null;
  errorBits: number | null;
  chargeForbidden: boolean | null;
  dischargeForbidden: boolean | null;
}

// The join on bms_string is the scope check: a string outside the scope yields no row, exactly
// like a string without samples, so callers cannot tell the two apart. ORDER BY ts DESC LIMIT 1
// walks the (string_id, ts) primary key backwards, on hypertables and native partitions alike.
const LATEST_PACK_SAMPLE_SQL = `
  SELECT p.string_id AS "stringId", p.ts,
         p.pack_voltage_dv AS "packVoltageDv", p.pack_current_da AS "packCurrentDa",
         p.bms_temp_dc AS "bmsTempDc", p.soc_pct AS "socPct", p.soh_pct AS "sohPct",
         p.charge_cutoff_dv AS "chargeCutoffDv", p.discharge_cutoff_dv AS "dischargeCutoffDv",
         p.charge_limit_da AS "chargeLimitDa", p.discharge_limit_da AS "dischargeLimitDa",
         p.cell_max_mv AS "cellMaxMv", p.cell_min_mv AS "cellMinMv",
         p.cell_max_no AS "cellMaxNo", p.cell_min_no AS "cellMinNo",
         p.cell_temp_max_dc AS "cellTempMaxDc", p.cell_temp_min_dc AS "cellTempMinDc",
         p.cell_temp_max_no AS "cellTempMaxNo", p.cell_temp_min_no AS "cellTempMinNo",
         p.state, p.alarm_bits AS "alarmBits", p.protection_bits AS "protectionBits",
         p.error_bits AS "errorBits", p.charge_forbidden AS "chargeForbidden",
         p.discharge_forbidden AS "dischargeForbidden"
    FROM pack_sample p
    JOIN bms_string s ON s.id = p.string_id
   WHERE p.string_id = $1 AND {scope}
   ORDER BY p.ts DESC
   LIMIT 1`;

/**
 * One point of a string's trend: a rollup bucket (or one raw sample, where every min/max/avg is
 * that sample's value and energy is not integrated). Units as in `LatestPackSample`.
 */
export interface TrendPoint {
  bucketStart: Date;
  samples: number;
  sohPct: number | null;
  socMinPct: number | null;
  socMaxPct: number | null;
  packVoltageAvgDv: number | null;
  packCurrentAvgDa: number | null;
  cellMaxMv: number | null;
  cellMinMv: number | null;
  cellSpreadMaxMv: number | null;
  cellSpreadAvgMv: number | null;
  bmsTempMaxDc: number | null;
  cellTempMaxDc: number | null;
  energyInWh: number;
  energyOutWh: number;
  bmsTempMinDc: number | null;
  cellTempMinDc: number | null;
  /** Seconds of the bucket spanned by stored samples (rollups); null for a raw sample. */
  coveredS: number | null;
}

export interface StringTrend {
  tier: TrendTier;
  points: TrendPoint[];
}

// `source` is a rollup table, or for the 1-minute tier the function that unpacks the string's hour
// rows overlapping [$2, $3) (rollup-minutes.ts); the WHERE is then already true but harmless.
const ROLLUP_TREND_SQL = (source: string) => `
  SELECT r.bucket_start AS "bucketStart", r.samples, r.soh_last_pct AS "sohPct",
         r.soc_min_pct AS "socMinPct", r.soc_max_pct AS "socMaxPct",
         r.pack_voltage_avg_dv::float8 AS "packVoltageAvgDv", r.pack_current_avg_da::float8 AS "packCurrentAvgDa",
         r.cell_max_mv_max AS "cellMaxMv", r.cell_min_mv_min AS "cellMinMv",
         r.cell_spread_max_mv AS "cellSpreadMaxMv", r.cell_spread_avg_mv::float8 AS "cellSpreadAvgMv",
         r.bms_temp_max_dc AS "bmsTempMaxDc", r.cell_temp_max_dc AS "cellTempMaxDc",
         r.energy_in_wh::float8 AS "energyInWh", r.energy_out_wh::float8 AS "energyOutWh",
         r.bms_temp_min_dc AS "bmsTempMinDc", r.cell_temp_min_dc AS "cellTempMinDc",
         r.covered_s::float8 AS "coveredS"
    FROM ${source} r
    JOIN bms_string s ON s.id = r.string_id
   WHERE r.string_id = $1 AND r.bucket_start >= $2 AND r.bucket_start < $3 AND {scope}
   ORDER BY r.bucket_start`;

const RAW_TREND_SQL = `
  SELECT p.ts AS "bucketStart", 1 AS samples, p.soh_pct AS "sohPct",
         p.soc_pct AS "socMinPct", p.soc_pct AS "socMaxPct",
         p.pack_voltage_dv::float8 AS "packVoltageAvgDv", p.pack_current_da::float8 AS "packCurrentAvgDa",
         p.cell_max_mv AS "cellMaxMv", p.cell_min_mv AS "cellMinMv",
         p.cell_max_mv - p.cell_min_mv AS "cellSpreadMaxMv", (p.cell_max_mv - p.cell_min_mv)::float8 AS "cellSpreadAvgMv",
         p.bms_temp_dc AS "bmsTempMaxDc", p.cell_temp_max_dc AS "cellTempMaxDc",
         0::float8 AS "energyInWh", 0::float8 AS "energyOutWh",
         p.bms_temp_dc AS "bmsTempMinDc", p.cell_temp_min_dc AS "cellTempMinDc",
         NULL::float8 AS "coveredS"
    FROM pack_sample p
    JOIN bms_string s ON s.id = p.string_id
   WHERE p.string_id = $1 AND p.ts >= $2 AND p.ts < $3 AND {scope}
   ORDER BY p.ts`;

function trendSql(tier: TrendTier): string {
  if (tier === 'raw') {
    return RAW_TREND_SQL;
  }
  return ROLLUP_TREND_SQL(tier === '1m' ? MINUTE_ROWS_FROM : rollupTable(tier));
}

/** Fills `{scope}` with the predicate admitting the joined string `s` (parameters appended). */
function withStringScope(sql: string, scope: ScopeArg, params: unknown[]): string {
  return sql.replace('{scope}', scopeSql(scope, { tenant: 's.tenant_id', site: 's.site_id' }, params));
}

/** Scope-filtered reads of the time-series tables (raw SQL over pg, beside Prisma). */
export class TelemetryReadRepository {
  constructor(private readonly pool: PgPool) {}

  async latestPackSample(scope: ScopeArg, stringId: string): Promise<LatestPackSample | null> {
    const params: unknown[] = [stringId];
    const sql = withStringScope(LATEST_PACK_SAMPLE_SQL, scope, params);
    const result = await this.pool.query<LatestPackSample>(sql, params);
    return result.rows[0] ?? null;
  }

  /**
   * A string's trend over [from, to) from the tier `bucket` names, or with 'auto' the finest tier
   * that fits the range and still holds it (`pickTrendTier`). Another tenant's string gives no
   * points, like a string without data.
   */
  async stringTrend(
    scope: ScopeArg,
    stringId: string,
    range: { from: Date; to: Date; bucket?: TrendTier | 'auto' },
    now: Date = new Date(),
  ): Promise<StringTrend> {
    const tier =
      range.bucket === undefined || range.bucket === 'auto'
        ? pickTrendTier(range.from, range.to, now)
        : range.bucket;
    const params: unknown[] = [stringId, range.from, range.to];
    const sql = withStringScope(trendSql(tier), scope, params);
    const { rows } = await this.pool.query<TrendPoint>(sql, params);
    return { tier, points: rows };
  }

  /**
   * One page of the tenant's strings with their latest state (string_latest, kept by the ingest
   * write path) and worst open alarm. Cursor paging (keyset), `limit` default 100: a page costs
   * O(limit) whatever the fleet size. A cursor from another sort or a foreign one throws
   * InvalidFleetCursorError.
   */
  fleetOverview(scope: ScopeArg, options: FleetOverviewOptions = {}): Promise<FleetOverviewPage> {
    return readFleetOverview(this.pool, scope, options);
  }

  /** Resolves when the database answers a trivial query; the API's health check. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
