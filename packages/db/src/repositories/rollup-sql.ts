// SQL of the rollup job (RollupRepository), built from one column table so the three tiers and
// the two ways of filling them (from raw samples, from a finer tier) cannot drift apart.
// Migration 20261210100000_string_rollups explains the columns; the 1-minute tier stores them
// packed per hour (rollup-minutes.ts).

import { UPSERT_PACKED_MINUTES_SQL } from './rollup-minutes.js';

/** Bucket origin shared with time-bucket.ts, so rollup buckets line up with `buckets()`. */
const ORIGIN = "'2000-01-01T00:00:00Z'::timestamptz";

/** The last value of `expr` in time order among rows where it is not null. */
const last = (expr: string, by: string) =>
  `(array_agg(${expr} ORDER BY ${by} DESC) FILTER (WHERE ${expr} IS NOT NULL))[1]`;

/** Average over the finer rows, weighted by how many samples each averaged. */
const weighted = (avg: string, weight: string) =>
  `(sum(${avg}::float8 * ${weight}) / nullif(sum(${weight}) FILTER (WHERE ${avg} IS NOT NULL), 0))`;

/**
 * Sample statistics: [column, aggregate over raw samples `p`, aggregate over finer rollup rows `r`].
 * Weighted averages use r.samples (pack values) and r.cell_spread_samples (cell spread).
 */
const SAMPLE_STATS: ReadonlyArray<readonly [string, string, string]> = [
  ['samples', 'count(*)::int', 'sum(r.samples)::int'],
  ['first_ts', 'min(p.ts)', 'min(r.first_ts)'],
  ['last_ts', 'max(p.ts)', 'max(r.last_ts)'],
  ['pack_voltage_min_dv', 'min(p.pack_voltage_dv)', 'min(r.pack_voltage_min_dv)'],
  ['pack_voltage_max_dv', 'max(p.pack_voltage_dv)', 'max(r.pack_voltage_max_dv)'],
  ['pack_voltage_avg_dv', 'avg(p.pack_voltage_dv)', weighted('r.pack_voltage_avg_dv', 'r.samples')],
  ['pack_voltage_last_dv', last('p.pack_voltage_dv', 'p.ts'), last('r.pack_voltage_last_dv', 'r.last_ts')],
  ['pack_current_min_da', 'min(p.pack_current_da)', 'min(r.pack_current_min_da)'],
  ['pack_current_max_da', 'max(p.pack_current_da)', 'max(r.pack_current_max_da)'],
  ['pack_current_avg_da', 'avg(p.pack_current_da)', weighted('r.pack_current_avg_da', 'r.samples')],
  ['pack_current_last_da', last('p.pack_current_da', 'p.ts'), last('r.pack_current_last_da', 'r.last_ts')],
  ['soc_min_pct', 'min(p.soc_pct)', 'min(r.soc_min_pct)'],
  ['soc_max_pct', 'max(p.soc_pct)', 'max(r.soc_max_pct)'],
  ['soc_last_pct', last('p.soc_pct', 'p.ts'), last('r.soc_last_pct', 'r.last_ts')],
  ['soh_min_pct', 'min(p.soh_pct)', 'min(r.soh_min_pct)'],
  ['soh_last_pct', last('p.soh_pct', 'p.ts'), last('r.soh_last_pct', 'r.last_ts')],
  ['cell_max_mv_max', 'max(p.cell_max_mv)', 'max(r.cell_max_mv_max)'],
  ['cell_min_mv_min', 'min(p.cell_min_mv)', 'min(r.cell_min_mv_min)'],
  ['cell_spread_max_mv', 'max(p.cell_max_mv - p.cell_min_mv)', 'max(r.cell_spread_max_mv)'],
  [
    'cell_spread_avg_mv',
    'avg(p.cell_max_mv - p.cell_min_mv)',
    weighted('r.cell_spread_avg_mv', 'r.cell_spread_samples'),
  ],
  ['cell_spread_samples', 'count(p.cell_max_mv - p.cell_min_mv)::int', 'sum(r.cell_spread_samples)::int'],
  ['bms_temp_min_dc', 'min(p.bms_temp_dc)', 'min(r.bms_temp_min_dc)'],
  ['bms_temp_max_dc', 'max(p.bms_temp_dc)', 'max(r.bms_temp_max_dc)'],
  ['cell_temp_min_dc', 'min(p.cell_temp_min_dc)', 'min(r.cell_temp_min_dc)'],
  ['cell_temp_max_dc', 'max(p.cell_temp_max_dc)', 'max(r.cell_temp_max_dc)'],
  ['alarm_bits_any', 'bit_or(p.alarm_bits)', 'bit_or(r.alarm_bits_any)'],
  ['protection_bits_any', 'bit_or(p.protection_bits)', 'bit_or(r.protection_bits_any)'],
  ['state_last', last('p.state', 'p.ts'), last('r.state_last', 'r.last_ts')],
];

/**
 * Time-weighted values: [column, aggregate over clipped spans `s`]; summed over finer rows.
 * A span is held at its first sample's state; energy integrates the power (V·I) linearly
 * interpolated across the span (trapezoid), its positive part into energy_in, its negative
 * part into energy_out, split exactly where the power crosses zero.
 */
const TIME_WEIGHTED: ReadonlyArray<readonly [string, string]> = [
  ['covered_s', 'sum(s.dt)'],
  ['energy_in_wh', 'sum(s.wh_in)'],
  ['energy_out_wh', 'sum(s.wh_out)'],
  ['sleep_s', "coalesce(sum(s.dt) FILTER (WHERE s.state = 'sleep'), 0)"],
  ['charge_s', "coalesce(sum(s.dt) FILTER (WHERE s.state = 'charge'), 0)"],
  ['discharge_s', "coalesce(sum(s.dt) FILTER (WHERE s.state = 'discharge'), 0)"],
  ['idle_s', "coalesce(sum(s.dt) FILTER (WHERE s.state = 'idle'), 0)"],
  [
    'other_state_s',
    "coalesce(sum(s.dt) FILTER (WHERE s.state IS NULL OR s.state NOT IN ('sleep', 'charge', 'discharge', 'idle')), 0)",
  ],
];

export const ROLLUP_COLUMNS = [
  'string_id',
  'bucket_start',
  ...SAMPLE_STATS.map(([c]) => c),
  ...TIME_WEIGHTED.map(([c]) => c),
];

export type RollupTier = '1m' | '1h' | '1d';

/** Tables of the tiers stored one row per bucket (the 1-minute tier is packed per hour). */
export const rollupTable = (tier: Exclude<RollupTier, '1m'>) => `string_rollup_${tier}`;

const upsert = (table: string) => `
INSERT INTO ${table} (${ROLLUP_COLUMNS.join(', ')})
SELECT ${ROLLUP_COLUMNS.join(', ')} FROM result
ON CONFLICT (string_id, bucket_start) DO UPDATE SET
  ${ROLLUP_COLUMNS.slice(2)
    .map((c) => `${c} = EXCLUDED.${c}`)
    .join(',\n  ')}`;

/**
 * Samples around the claimed hours ($1 string ids, $2 hour starts, $3 gap limit in seconds) and
 * the spans between consecutive ones: [t0, t1] with powers p0, p1 (W), kept when no longer than
 * the gap limit and reaching into the hour. A span reaching across the hour's edge is clipped to
 * [a, b] inside the hour. Samples up to one gap limit outside the hour are read so the spans that
 * cross its edges are found.
 */
const SPANS_CTE = `
claimed AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) AS c(string_id, hour_start)
),
pts AS (
  SELECT c.hour_start, p.*, p.pack_voltage_dv::float8 * p.pack_current_da / 100.0 AS power_w
    FROM claimed c
    JOIN pack_sample p ON p.string_id = c.string_id
     AND p.ts >= c.hour_start - make_interval(secs => $3)
     AND p.ts < c.hour_start + interval '1 hour' + make_interval(secs => $3)
),
seq AS (
  SELECT string_id, hour_start, ts AS t0, state, power_w AS p0,
         lead(ts) OVER w AS t1, lead(power_w) OVER w AS p1
    FROM pts
  WINDOW w AS (PARTITION BY string_id, hour_start ORDER BY ts)
),
spans AS (
  SELECT seq.*, greatest(t0, hour_start) AS a, least(t1, hour_start + interval '1 hour') AS b
    FROM seq
   WHERE t1 IS NOT NULL AND t1 - t0 <= make_interval(secs => $3)
     AND t1 > hour_start AND t0 < hour_start + interval '1 hour'
)`;

/**
 * Energy (Wh) and duration (s) of the part [x, y] of a span: the power at x and y by linear
 * interpolation, the trapezoid's positive area into wh_in and negative area into wh_out.
 */
const PIECE_SQL = (x: string, y: string, group: string) => `
  SELECT ${group}, state, dt,
         CASE WHEN pa >= 0 AND pb >= 0 THEN (pa + pb) / 2 * dt
              WHEN pa <= 0 AND pb <= 0 THEN 0
              ELSE greatest(pa, pb) ^ 2 / (2 * abs(pa - pb)) * dt END / 3600 AS wh_in,
         CASE WHEN pa <= 0 AND pb <= 0 THEN -(pa + pb) / 2 * dt
              WHEN pa >= 0 AND pb >= 0 THEN 0
              ELSE least(pa, pb) ^ 2 / (2 * abs(pa - pb)) * dt END / 3600 AS wh_out
    FROM (
      SELECT *, extract(epoch FROM ${y} - ${x})::float8 AS dt,
             p0 + (p1 - p0) * extract(epoch FROM ${x} - t0)::float8 / extract(epoch FROM t1 - t0)::float8 AS pa,
             p0 + (p1 - p0) * extract(epoch FROM ${y} - t0)::float8 / extract(epoch FROM t1 - t0)::float8 AS pb
        FROM cut
    ) q`;

const sampleStatsFromRaw = () => SAMPLE_STATS.map(([c, raw]) => `${raw} AS ${c}`).join(',\n         ');
const timeWeighted = () => TIME_WEIGHTED.map(([c, agg]) => `${agg}::float8 AS ${c}`).join(',\n         ');
const finalColumns = (stats: string, tw: string) => [
  `coalesce(${stats}.string_id, ${tw}.string_id) AS string_id`,
  `coalesce(${stats}.bucket_start, ${tw}.bucket_start) AS bucket_start`,
  ...SAMPLE_STATS.map(([c]) =>
    c === 'samples' || c === 'cell_spread_samples' ? `coalesce(${stats}.${c}, 0) AS ${c}` : `${stats}.${c}`,
  ),
  ...TIME_WEIGHTED.map(([c]) => `coalesce(${tw}.${c}, 0) AS ${c}`),
];

/** Recomputes the 1-hour rows of the claimed hours from raw samples (one upsert). */
export const ROLLUP_HOURS_SQL = `
WITH ${SPANS_CTE},
cut AS (SELECT * , a AS x, b AS y FROM spans),
pieces AS (${PIECE_SQL('x', 'y', 'string_id, hour_start')}),
tw AS (
  SELECT string_id, hour_start AS bucket_start,
         ${timeWeighted()}
    FROM pieces s GROUP BY 1, 2
),
stats AS (
  SELECT string_id, hour_start AS bucket_start,
         ${sampleStatsFromRaw()}
    FROM pts p
   WHERE p.ts >= p.hour_start AND p.ts < p.hour_start + interval '1 hour'
   GROUP BY 1, 2
),
result AS (
  SELECT ${finalColumns('stats', 'tw').join(',\n         ')}
    FROM stats FULL JOIN tw USING (string_id, bucket_start)
)
${upsert(rollupTable('1h'))}`;

/**
 * Recomputes the 1-minute rows of the claimed hours from raw samples and stores each hour's minutes
 * as its one packed row (one upsert). Spans are cut at minute edges; the pieces in a minute without
 * samples go to the previous sample minute of the hour, or the hour's first sample minute
 * (migration comment: minutes add up to their hour).
 */
export const ROLLUP_MINUTES_SQL = `
WITH ${SPANS_CTE},
cut AS (
  SELECT spans.*, m AS minute, greatest(a, m) AS x, least(b, m + interval '1 minute') AS y
    FROM spans,
         LATERAL generate_series(date_bin('1 minute', a, ${ORIGIN}), b, interval '1 minute') AS m
   WHERE least(b, m + interval '1 minute') > greatest(a, m)
),
pieces AS (${PIECE_SQL('x', 'y', 'string_id, hour_start, minute')}),
tw_minute AS (
  SELECT string_id, hour_start, minute, ${TIME_WEIGHTED.map(([c, agg]) => `${agg}::float8 AS ${c}`).join(', ')}
    FROM pieces s GROUP BY 1, 2, 3
),
stats AS (
  SELECT string_id, hour_start, date_bin('1 minute', p.ts, ${ORIGIN}) AS bucket_start,
         ${sampleStatsFromRaw()}
    FROM pts p
   WHERE p.ts >= p.hour_start AND p.ts < p.hour_start + interval '1 hour'
   GROUP BY 1, 2, 3
),
targets AS (
  SELECT t.string_id, t.hour_start, t.minute,
         coalesce(max(st.bucket_start) FILTER (WHERE st.bucket_start <= t.minute),
                  min(st.bucket_start)) AS target
    FROM tw_minute t
    JOIN stats st ON st.string_id = t.string_id AND st.hour_start = t.hour_start
   GROUP BY 1, 2, 3
),
tw AS (
  SELECT t.string_id, g.target AS bucket_start,
         ${TIME_WEIGHTED.map(([c]) => `sum(t.${c}) AS ${c}`).join(', ')}
    FROM tw_minute t
    JOIN targets g USING (string_id, hour_start, minute)
   GROUP BY 1, 2
),
result AS (
  SELECT ${finalColumns('stats', 'tw').join(',\n         ')}
    FROM stats LEFT JOIN tw USING (string_id, bucket_start)
)
${UPSERT_PACKED_MINUTES_SQL}`;

/** Recomputes the 1-day rows of the given (string, day) pairs from their 1-hour rows (one upsert). */
export const ROLLUP_DAYS_SQL = `
WITH days AS (
  SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) AS d(string_id, day_start)
),
result AS (
  SELECT r.string_id, d.day_start AS bucket_start,
         ${SAMPLE_STATS.map(([c, , finer]) => `${finer} AS ${c}`).join(',\n         ')},
         ${TIME_WEIGHTED.map(([c]) => `sum(r.${c}) AS ${c}`).join(',\n         ')}
    FROM days d
    JOIN ${rollupTable('1h')} r ON r.string_id = d.string_id
     AND r.bucket_start >= d.day_start AND r.bucket_start < d.day_start + interval '1 day'
   GROUP BY r.string_id, d.day_start
)
${upsert(rollupTable('1d'))}`;

/** The UTC day of an hour, as the 1d tier buckets it. */
export function dayOf(hour: Date): Date {
  return new Date(Math.floor(hour.getTime() / 86_400_000) * 86_400_000);
}
