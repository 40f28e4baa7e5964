import type { PgPool } from '@fleet/db';

/** A pack_sample row as the ingest writer stores it (columns: snake_case of PackSample). */
export interface PackSampleRowInput {
  stringId: string;
  ts: string;
  packVoltageDv: number;
  packCurrentDa: number;
  bmsTempDc: number;
  socPct: number;
  sohPct: number;
  cellMaxMv?: number;
  cellMinMv?: number;
  cellMaxNo?: number;
  cellMinNo?: number;
  cellTempMaxDc?: number;
  cellTempMinDc?: number;
  state?: string;
  alarmBits?: number;
}

/** Inserts one row directly, so read tests do not depend on the ingest path. */
export async function insertPackSample(pool: PgPool, row: PackSampleRowInput): Promise<void> {
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
       cell_max_mv, cell_min_mv, cell_max_no, cell_min_no, cell_temp_max_dc, cell_temp_min_dc, state, alarm_bits)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
    [
      row.stringId,
      row.ts,
      row.packVoltageDv,
      row.packCurrentDa,
      row.bmsTempDc,
      row.socPct,
      row.sohPct,
      row.cellMaxMv ?? null,
      row.cellMinMv ?? null,
      row.cellMaxNo ?? null,
      row.cellMinNo ?? null,
      row.cellTempMaxDc ?? null,
      row.cellTempMinDc ?? null,
      row.state ?? null,
      row.alarmBits ?? null,
    ],
  );
}
