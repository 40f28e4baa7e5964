// One row per string per UTC day for the fleet-intelligence analysis (@fleet/analytics
// StringDay), from the rollups: the 1d row (SOH, spread, SOC max, discharged energy), its 24
// hourly rows (hours hot, hours at high SOC) and, for the day's lowest cell voltage, the cell
// that held it: the first hour whose minimum is the day's, then the first pack sample of that hour
// at that voltage, so one hour of raw samples is read per day, not the day's, and only for days
// since $3 (the weak-cell rule needs a few weeks, not a year of raw reads).
// $1 = tenant id (ingest) or string id (API, one string), $2 = from, $3 = cut-off cells from.

/** The hottest cell at or above 35 °C, SOC at or above 95 % for the whole hour. */
const HOURS = `
  LEFT JOIN LATERAL (
    SELECT count(*) FILTER (WHERE h.cell_temp_max_dc >= 350)::int AS hot_hours,
           count(*) FILTER (WHERE h.soc_min_pct >= 95)::int AS full_hours
      FROM string_rollup_1h h
     WHERE h.string_id = d.string_id
       AND h.bucket_start >= d.bucket_start AND h.bucket_start < d.bucket_start + interval '1 day'
  ) hrs ON true
  LEFT JOIN LATERAL (
    SELECT p.cell_min_no
      FROM string_rollup_1h m
      CROSS JOIN LATERAL (
        SELECT p.cell_min_no
          FROM pack_sample p
         WHERE p.string_id = m.string_id
           AND p.ts >= m.bucket_start AND p.ts < m.bucket_start + interval '1 hour'
           AND p.cell_min_mv = m.cell_min_mv_min
         ORDER BY p.ts
         LIMIT 1
      ) p
     WHERE d.bucket_start >= $3
       AND m.string_id = d.string_id
       AND m.bucket_start >= d.bucket_start AND m.bucket_start < d.bucket_start + interval '1 day'
       AND m.cell_min_mv_min = d.cell_min_mv_min
     ORDER BY m.bucket_start
     LIMIT 1
  ) cut ON true`;

const DAY_COLUMNS = `d.bucket_start, d.soh_last_pct, d.cell_spread_max_mv, d.soc_max_pct, d.energy_out_wh,
       hrs.hot_hours, hrs.full_hours, cut.cell_min_no`;

export const TENANT_DAYS_SQL = `
  SELECT s.id AS string_id, s.site_id, s.gateway_id, s.module_type::text AS module_type, s.module_count,
         s.firmware, st.latitude, coalesce(c.commissioned_at, s.created_at) AS commissioned_at,
         ${DAY_COLUMNS}
    FROM bms_string s
    JOIN site st ON st.id = s.site_id
    LEFT JOIN string_commissioning c ON c.string_id = s.id
    LEFT JOIN string_rollup_1d d ON d.string_id = s.id AND d.bucket_start >= $2
    ${HOURS}
   WHERE s.tenant_id = $1
   ORDER BY s.id, d.bucket_start`;

export const STRING_DAYS_SQL = `
  SELECT ${DAY_COLUMNS}
    FROM string_rollup_1d d
    ${HOURS}
   WHERE d.string_id = $1 AND d.bucket_start >= $2
   ORDER BY d.bucket_start`;
