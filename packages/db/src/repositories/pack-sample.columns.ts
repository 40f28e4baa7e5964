import type { PackSample } from '@fleet/telemetry';

/**
 * pack_sample columns as data: column, PostgreSQL array element type for unnest(), and the
 * PackSample field it comes from (the table contract: snake_case of the PackSample fields).
 */
export const PACK_SAMPLE_COLUMNS: ReadonlyArray<
  readonly [column: string, pgType: string, value: (s: PackSample) => unknown]
> = [
  ['ts', 'timestamptz', (s) => s.ts],
  ['pack_voltage_dv', 'int4', (s) => s.packVoltageDv],
  ['pack_current_da', 'int4', (s) => s.packCurrentDa],
  ['bms_temp_dc', 'int4', (s) => s.bmsTempDc],
  ['soc_pct', 'int2', (s) => s.socPct],
  ['soh_pct', 'int2', (s) => s.sohPct],
  ['charge_cutoff_dv', 'int4', (s) => s.chargeCutoffDv],
  ['discharge_cutoff_dv', 'int4', (s) => s.dischargeCutoffDv],
  ['charge_limit_da', 'int4', (s) => s.chargeLimitDa],
  ['discharge_limit_da', 'int4', (s) => s.dischargeLimitDa],
  ['discharge_limit_raw', 'int4', (s) => s.dischargeLimitRaw],
  ['cell_max_mv', 'int4', (s) => s.cellMaxMv],
  ['cell_min_mv', 'int4', (s) => s.cellMinMv],
  ['cell_max_no', 'int4', (s) => s.cellMaxNo],
  ['cell_min_no', 'int4', (s) => s.cellMinNo],
  ['cell_temp_max_dc', 'int4', (s) => s.cellTempMaxDc],
  ['cell_temp_min_dc', 'int4', (s) => s.cellTempMinDc],
  ['cell_temp_max_no', 'int4', (s) => s.cellTempMaxNo],
  ['cell_temp_min_no', 'int4', (s) => s.cellTempMinNo],
  ['module_voltage_max_mv', 'int4', (s) => s.moduleVoltageMaxMv],
  ['module_voltage_min_mv', 'int4', (s) => s.moduleVoltageMinMv],
  ['module_voltage_max_no', 'int4', (s) => s.moduleVoltageMaxNo],
  ['module_voltage_min_no', 'int4', (s) => s.moduleVoltageMinNo],
  ['module_temp_max_dc', 'int4', (s) => s.moduleTempMaxDc],
  ['module_temp_min_dc', 'int4', (s) => s.moduleTempMinDc],
  ['module_temp_max_no', 'int4', (s) => s.moduleTempMaxNo],
  ['module_temp_min_no', 'int4', (s) => s.moduleTempMinNo],
  ['state', 'text', (s) => s.state],
  ['status_byte', 'int2', (s) => s.statusByte],
  ['cycle_period_raw', 'int4', (s) => s.cyclePeriodRaw],
  ['error_bits', 'int2', (s) => s.errorBits],
  ['alarm_bits', 'int4', (s) => s.alarmBits],
  ['protection_bits', 'int4', (s) => s.protectionBits],
  ['charge_forbidden', 'bool', (s) => s.chargeForbidden],
  ['discharge_forbidden', 'bool', (s) => s.dischargeForbidden],
  // jsonb[] elements travel as JSON text; an absent map stays NULL.
  ['raw', 'jsonb', (s) => (s.raw === undefined ? undefined : JSON.stringify(s.raw))],
];

/**
 * One INSERT for the whole batch: one array parameter per column, unnest()ed into rows, so the
 * statement has 37 parameters however many samples (no 65535-parameter limit, one round trip).
 * COPY would need a staging table to get ON CONFLICT; the primary key is the second dedupe guard.
 */
export const INSERT_PACK_SAMPLES_SQL = `
INSERT INTO pack_sample (string_id, ${PACK_SAMPLE_COLUMNS.map(([c]) => c).join(', ')})
SELECT * FROM unnest($1::uuid[], ${PACK_SAMPLE_COLUMNS.map(([, t], i) => `$${i + 2}::${t}[]`).join(', ')})
ON CONFLICT (string_id, ts) DO NOTHING`;

export function packSampleParameters(
  rows: ReadonlyArray<{ stringId: string; sample: PackSample }>,
): unknown[][] {
  return [
    rows.map((r) => r.stringId),
    ...PACK_SAMPLE_COLUMNS.map(([, , value]) => rows.map((r) => value(r.sample) ?? null)),
  ];
}
