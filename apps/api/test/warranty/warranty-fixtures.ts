import { randomUUID } from 'node:crypto';
import type { PgPool } from '@fleet/db';

/** A valid terms body (numbers made up for tests: the project ships no manufacturer terms). */
export function termsBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    moduleType: 'H48050',
    region: 'EU',
    termYears: 10,
    throughputMwhPerKwh: 3,
    retainedCapacityPct: 70,
    cellTempMinDc: 0,
    cellTempMaxDc: 500,
    cellVoltageMinMv: 2800,
    cellVoltageMaxMv: 3650,
    maxCRate: null,
    maxCurrentA: null,
    validFrom: '2020-01-01',
    source: 'Test terms, not a manufacturer document',
    notes: null,
    ...over,
  };
}

/** Inserts terms straight into the table (as the tables' owner); returns the id. */
export async function insertTerms(pool: PgPool, tenantId: string, region = 'EU'): Promise<string> {
  const id = randomUUID();
  await pool.query(
    `INSERT INTO warranty_terms (id, tenant_id, module_type, region, term_years, valid_from, source, updated_by)
     VALUES ($1, $2, 'H48050', $3, 10, '2020-01-01', 'fixture', 'test')`,
    [id, tenantId, region],
  );
  return id;
}

const ROLLUP_ZEROES = `samples, covered_s, cell_spread_samples, energy_in_wh, energy_out_wh, sleep_s, charge_s,
  discharge_s, idle_s, other_state_s`;

/** One string_rollup_1d row: a day's discharged energy and last SOH. */
export async function insertDay(
  pool: PgPool,
  stringId: string,
  day: Date,
  energyOutWh: number,
  sohPct: number,
) {
  await pool.query(
    `INSERT INTO string_rollup_1d (string_id, bucket_start, ${ROLLUP_ZEROES}, soh_last_pct)
     VALUES ($1, $2, 1, 86400, 0, 0, $3, 0, 0, 0, 0, 0, $4)`,
    [stringId, day, energyOutWh, sohPct],
  );
}

/** One string_rollup_1h row with the given cell extremes (normal ones otherwise). */
export async function insertHour(
  pool: PgPool,
  stringId: string,
  hour: Date,
  x: { cellTempMaxDc?: number; cellMaxMv?: number } = {},
) {
  await pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, ${ROLLUP_ZEROES}, cell_temp_min_dc, cell_temp_max_dc,
       cell_min_mv_min, cell_max_mv_max, pack_current_min_da, pack_current_max_da)
     VALUES ($1, $2, 1, 3600, 0, 0, 0, 0, 0, 0, 0, 0, 150, $3, 3200, $4, -100, 100)`,
    [stringId, hour, x.cellTempMaxDc ?? 300, x.cellMaxMv ?? 3400],
  );
}
