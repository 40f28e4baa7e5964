// How the rollup job packs an hour's 1-minute rows into the one row per (string, hour) of
// string_rollup_1m (migration 20261226000000_compact_rollup_1m). The field order of each array
// is the storage format: string_rollup_1m_minutes() in that migration reads slots by position,
// so a field is only ever appended, never moved.

/** Origin of the hour buckets, as in rollup-sql.ts and time-bucket.ts. */
const ORIGIN = "'2000-01-01T00:00:00Z'::timestamptz";

/**
 * `ints` (smallint[][]), [field][slot]: every physical reading fits 16 bits. A value outside them
 * (a u16 sentinel such as 0xFFFF) becomes null in this tier rather than failing the job; raw
 * samples and the 1h/1d rows keep it.
 */
export const MINUTE_INT_FIELDS = [
  'samples',
  'pack_voltage_min_dv',
  'pack_voltage_max_dv',
  'pack_voltage_last_dv',
  'pack_current_min_da',
  'pack_current_max_da',
  'pack_current_last_da',
  'soc_min_pct',
  'soc_max_pct',
  'soc_last_pct',
  'soh_min_pct',
  'soh_last_pct',
  'cell_max_mv_max',
  'cell_min_mv_min',
  'cell_spread_max_mv',
  'cell_spread_samples',
  'bms_temp_min_dc',
  'bms_temp_max_dc',
  'cell_temp_min_dc',
  'cell_temp_max_dc',
] as const;

/** `reals` (real[][]): averages, energy and seconds. */
export const MINUTE_REAL_FIELDS = [
  'covered_s',
  'pack_voltage_avg_dv',
  'pack_current_avg_da',
  'cell_spread_avg_mv',
  'energy_in_wh',
  'energy_out_wh',
  'sleep_s',
  'charge_s',
  'discharge_s',
  'idle_s',
  'other_state_s',
] as const;

/** Milliseconds from the minute's start to `column`, rounded: first_ts and last_ts as stored. */
const msIntoMinute = (column: string) => `round(extract(epoch FROM ${column} - bucket_start) * 1000)::int`;

/** `bits` (integer[][]): sample times inside the minute, and the bit masks. */
const MINUTE_BIT_EXPRS = [
  msIntoMinute('first_ts'),
  msIntoMinute('last_ts'),
  'alarm_bits_any',
  'protection_bits_any',
];

const small = (column: string) => `CASE WHEN ${column} BETWEEN -32768 AND 32767 THEN ${column}::smallint END`;

const agg = (expr: string) => `array_agg(${expr} ORDER BY bucket_start)`;

/**
 * Upserts whole hours from the CTE `result`, whose rows have the columns of a 1-minute rollup
 * (string_id, bucket_start, …, as in string_rollup_1h): one row per (string, hour) with a slot per
 * minute in `result`. The hour row is replaced whole, so a recompute leaves no stale minute.
 */
export const UPSERT_PACKED_MINUTES_SQL = `
INSERT INTO string_rollup_1m (string_id, hour_start, minute_no, ints, reals, bits, state_last)
SELECT string_id,
       date_bin('1 hour', bucket_start, ${ORIGIN}),
       ${agg('extract(minute FROM bucket_start)::smallint')},
       ARRAY[${MINUTE_INT_FIELDS.map((c) => agg(small(c))).join(', ')}],
       ARRAY[${MINUTE_REAL_FIELDS.map((c) => agg(`${c}::real`)).join(', ')}],
       ARRAY[${MINUTE_BIT_EXPRS.map(agg).join(', ')}],
       ${agg('state_last')}
  FROM result
 GROUP BY 1, 2
ON CONFLICT (string_id, hour_start) DO UPDATE SET
  minute_no = EXCLUDED.minute_no, ints = EXCLUDED.ints, reals = EXCLUDED.reals,
  bits = EXCLUDED.bits, state_last = EXCLUDED.state_last`;

/**
 * The 1-minute rows of string $1 with bucket_start in [$2, $3), unpacked by the database function
 * (same columns and types as a string_rollup_1h row). Name it in FROM with an alias.
 */
export const MINUTE_ROWS_FROM = 'string_rollup_1m_minutes($1, $2, $3)';
