import type { PackState } from '@fleet/telemetry';
import type { PgPool } from '../client.js';

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

// The join on bms_string is the tenant check: a string of another tenant yields no row, exactly
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
   WHERE p.string_id = $1 AND s.tenant_id = $2
   ORDER BY p.ts DESC
   LIMIT 1`;

/** Tenant-scoped reads of the time-series tables (raw SQL over pg, beside Prisma). */
export class TelemetryReadRepository {
  constructor(private readonly pool: PgPool) {}

  async latestPackSample(tenantId: string, stringId: string): Promise<LatestPackSample | null> {
    const result = await this.pool.query<LatestPackSample>(LATEST_PACK_SAMPLE_SQL, [stringId, tenantId]);
    return result.rows[0] ?? null;
  }

  /** Resolves when the database answers a trivial query; the API's health check. */
  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }
}
