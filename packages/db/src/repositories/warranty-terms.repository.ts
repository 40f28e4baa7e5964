import type { PgPool } from '../client.js';

type ModuleType = 'H48050' | 'H48074' | 'OTHER';

/** What an organisation admin enters for one set of terms (units in the names, as in the table). */
export interface WarrantyTermsInput {
  moduleType: ModuleType;
  bmsModel: string | null;
  region: string;
  termYears: number;
  throughputMwhPerKwh: number | null;
  retainedCapacityPct: number | null;
  cellTempMinDc: number | null;
  cellTempMaxDc: number | null;
  cellVoltageMinMv: number | null;
  cellVoltageMaxMv: number | null;
  maxCRate: number | null;
  maxCurrentA: number | null;
  /** `YYYY-MM-DD`: the terms apply to strings commissioned on or after this day. */
  validFrom: string;
  source: string;
  notes: string | null;
}

export interface WarrantyTermsRow extends WarrantyTermsInput {
  id: string;
  tenantId: string;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

// valid_from as text: pg turns a DATE into a Date at the server's local midnight, which would
// shift the day for any zone but UTC.
const COLUMNS = `id, tenant_id AS "tenantId", module_type AS "moduleType", bms_model AS "bmsModel", region,
  term_years AS "termYears", throughput_mwh_per_kwh AS "throughputMwhPerKwh",
  retained_capacity_pct AS "retainedCapacityPct", cell_temp_min_dc AS "cellTempMinDc",
  cell_temp_max_dc AS "cellTempMaxDc", cell_voltage_min_mv AS "cellVoltageMinMv",
  cell_voltage_max_mv AS "cellVoltageMaxMv", max_c_rate AS "maxCRate", max_current_a AS "maxCurrentA",
  valid_from::text AS "validFrom", source, notes, created_at AS "createdAt", updated_at AS "updatedAt",
  updated_by AS "updatedBy"`;

const VALUES = (t: WarrantyTermsInput) => [
  t.moduleType,
  t.bmsModel,
  t.region,
  t.termYears,
  t.throughputMwhPerKwh,
  t.retainedCapacityPct,
  t.cellTempMinDc,
  t.cellTempMaxDc,
  t.cellVoltageMinMv,
  t.cellVoltageMaxMv,
  t.maxCRate,
  t.maxCurrentA,
  t.validFrom,
  t.source,
  t.notes,
];

/**
 * warranty_terms of one organisation. The API runs it on the scoped pool: writes reach only the
 * caller's own organisation (row-level security), reads also the terms of organisations managing
 * a site in the caller's scope. Every method still names the organisation it means.
 */
export class WarrantyTermsRepository {
  constructor(private readonly pool: PgPool) {}

  async list(tenantId: string): Promise<WarrantyTermsRow[]> {
    const { rows } = await this.pool.query<WarrantyTermsRow>(
      `SELECT ${COLUMNS} FROM warranty_terms WHERE tenant_id = $1
        ORDER BY module_type, region, bms_model NULLS FIRST, valid_from DESC, id`,
      [tenantId],
    );
    return rows;
  }

  async create(tenantId: string, terms: WarrantyTermsInput, by: string): Promise<WarrantyTermsRow> {
    const { rows } = await this.pool.query<WarrantyTermsRow>(
      `INSERT INTO warranty_terms (id, tenant_id, module_type, bms_model, region, term_years,
         throughput_mwh_per_kwh, retained_capacity_pct, cell_temp_min_dc, cell_temp_max_dc,
         cell_voltage_min_mv, cell_voltage_max_mv, max_c_rate, max_current_a, valid_from, source,
         notes, updated_by)
       VALUES (gen_random_uuid(), $1, $2::"ModuleType", $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
               $14::date, $15, $16, $17)
       RETURNING ${COLUMNS}`,
      [tenantId, ...VALUES(terms), by],
    );
    return rows[0]!;
  }

  /** The updated row, or null when the organisation has no terms with this id. */
  async update(
    tenantId: string,
    id: string,
    terms: WarrantyTermsInput,
    by: string,
  ): Promise<WarrantyTermsRow | null> {
    const { rows } = await this.pool.query<WarrantyTermsRow>(
      `UPDATE warranty_terms SET module_type = $3::"ModuleType", bms_model = $4, region = $5,
         term_years = $6, throughput_mwh_per_kwh = $7, retained_capacity_pct = $8,
         cell_temp_min_dc = $9, cell_temp_max_dc = $10, cell_voltage_min_mv = $11,
         cell_voltage_max_mv = $12, max_c_rate = $13, max_current_a = $14, valid_from = $15::date,
         source = $16, notes = $17, updated_by = $18, updated_at = now()
       WHERE tenant_id = $1 AND id = $2
       RETURNING ${COLUMNS}`,
      [tenantId, id, ...VALUES(terms), by],
    );
    return rows[0] ?? null;
  }

  /** Whether a row of the organisation was deleted. */
  async remove(tenantId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM warranty_terms WHERE tenant_id = $1 AND id = $2',
      [tenantId, id],
    );
    return (rowCount ?? 0) > 0;
  }

  /**
   * The terms a string is judged by: its managing organisation's, for its module type and region,
   * the BMS model's own before the model-less ones, and of those the latest valid on `onDay`
   * (`YYYY-MM-DD`, the commissioning day). null: no terms for this product and region.
   */
  async applicable(q: {
    tenantId: string;
    moduleType: ModuleType;
    region: string;
    bmsModel: string;
    onDay: string;
  }): Promise<WarrantyTermsRow | null> {
    const { rows } = await this.pool.query<WarrantyTermsRow>(
      `SELECT ${COLUMNS} FROM warranty_terms
        WHERE tenant_id = $1 AND module_type = $2::"ModuleType" AND region = $3
          AND (bms_model IS NULL OR bms_model = $4) AND valid_from <= $5::date
        ORDER BY bms_model IS NULL, valid_from DESC, updated_at DESC
        LIMIT 1`,
      [q.tenantId, q.moduleType, q.region, q.bmsModel, q.onDay],
    );
    return rows[0] ?? null;
  }
}
