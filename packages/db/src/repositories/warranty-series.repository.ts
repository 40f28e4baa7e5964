import type { PgPool } from '../client.js';

/** One day of string_rollup_1d as the warranty reads it. */
export interface WarrantyDayRow {
  dayStart: Date;
  energyOutWh: number;
  sohPct: number | null;
}

/** One string_rollup_1h bucket outside at least one of the limits asked about. */
export interface WarrantyExtremesRow {
  bucketStart: Date;
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellMaxMv: number | null;
  cellMinMv: number | null;
  currentMaxDa: number | null;
  currentMinDa: number | null;
}

/** The limits the hour buckets are filtered by (null: not judged). Units as stored. */
export interface WarrantyLimitFilter {
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellVoltageMinMv: number | null;
  cellVoltageMaxMv: number | null;
  maxCurrentDa: number | null;
}

export interface WarrantyTripRow {
  firedAt: Date;
  resolvedAt: Date | null;
  code: string;
  title: string;
}

/** Most hour buckets one status reads: ten years of every hour out of a limit. */
export const MAX_EXCURSION_HOURS = 87_660;

// Strictly beyond a limit, as findExcursions judges (a value at the limit is inside).
const OUTSIDE_SQL = `
  SELECT r.bucket_start AS "bucketStart", r.cell_temp_min_dc AS "cellTempMinDc",
         r.cell_temp_max_dc AS "cellTempMaxDc", r.cell_max_mv_max AS "cellMaxMv",
         r.cell_min_mv_min AS "cellMinMv", r.pack_current_max_da AS "currentMaxDa",
         r.pack_current_min_da AS "currentMinDa"
    FROM string_rollup_1h r
    JOIN bms_string b ON b.id = r.string_id
   WHERE r.string_id = $1 AND r.bucket_start >= $2 AND r.bucket_start < $3
     AND (r.cell_temp_min_dc < $4 OR r.cell_temp_max_dc > $5 OR r.cell_min_mv_min < $6
          OR r.cell_max_mv_max > $7 OR abs(r.pack_current_max_da) > $8 OR abs(r.pack_current_min_da) > $8)
   ORDER BY r.bucket_start
   LIMIT $9`;

/**
 * The rollups and alarms a string's warranty status is computed from. Time-series tables have no
 * policies of their own: each read joins bms_string, which the scoped pool's row-level security
 * limits to the caller's scope, so a foreign string reads as empty.
 */
export class WarrantySeriesRepository {
  constructor(private readonly pool: PgPool) {}

  /** Every day of the string's 1-day rollup, oldest first (energy out and the day's last SOH). */
  async days(stringId: string): Promise<WarrantyDayRow[]> {
    const { rows } = await this.pool.query<WarrantyDayRow>(
      `SELECT r.bucket_start AS "dayStart", r.energy_out_wh::float8 AS "energyOutWh", r.soh_last_pct AS "sohPct"
         FROM string_rollup_1d r JOIN bms_string b ON b.id = r.string_id
        WHERE r.string_id = $1 ORDER BY r.bucket_start`,
      [stringId],
    );
    return rows;
  }

  /** Hour buckets in [from, to) outside any limit given, oldest first, at most MAX_EXCURSION_HOURS. */
  async hoursOutside(
    stringId: string,
    from: Date,
    to: Date,
    l: WarrantyLimitFilter,
  ): Promise<WarrantyExtremesRow[]> {
    // A missing limit becomes one nothing is beyond, so the OR above needs no dynamic SQL.
    const { rows } = await this.pool.query<WarrantyExtremesRow>(OUTSIDE_SQL, [
      stringId,
      from,
      to,
      l.cellTempMinDc ?? -2_147_483_648,
      l.cellTempMaxDc ?? 2_147_483_647,
      l.cellVoltageMinMv ?? -2_147_483_648,
      l.cellVoltageMaxMv ?? 2_147_483_647,
      l.maxCurrentDa ?? 2_147_483_647,
      MAX_EXCURSION_HOURS,
    ]);
    return rows;
  }

  /** The string's alarms with one of `codes` (the catalogue's protection kind) firing in [from, to). */
  async trips(stringId: string, codes: readonly string[], from: Date, to: Date): Promise<WarrantyTripRow[]> {
    const { rows } = await this.pool.query<WarrantyTripRow>(
      `SELECT a.first_fired_at AS "firedAt", coalesce(a.resolved_at, a.closed_at) AS "resolvedAt", a.code, a.title
         FROM alarm a
        WHERE a.string_id = $1 AND a.code = ANY ($2::text[]) AND a.first_fired_at >= $3 AND a.first_fired_at < $4
        ORDER BY a.first_fired_at`,
      [stringId, [...codes], from, to],
    );
    return rows;
  }
}
