-- string_rollup_1m as one row per (string, hour) holding that hour's minutes in arrays, instead of
-- one row per minute (issue 6, bench:storage: 134 of 329 MB per string for its life). The per-row
-- cost a minute row paid (tuple header and line pointer 28 bytes, string_id and bucket_start 24,
-- its primary-key entry ~40: over half of each row) is now paid once an hour, and the values of
-- one field across the hour sit next to each other, where lz4 finds more to compress. Measured on
-- the bench's month: 5.9 → 1.6 MB per string-month (docs/benchmarks.md, storage section).
--
-- The minutes and their values are exactly the ones of the old rows (same rollup SQL, same
-- meaning as migration 20261210100000_string_rollups explains); only the layout changes:
--   minute_no    smallint[]    minute of the hour (0-59) of each stored minute, ascending; a
--                              minute without samples has no slot, as it had no row
--   ints         smallint[][]  [field][slot], fields in this order (1-based):
--                              1 samples, 2 pack_voltage_min_dv, 3 pack_voltage_max_dv,
--                              4 pack_voltage_last_dv, 5 pack_current_min_da, 6 pack_current_max_da,
--                              7 pack_current_last_da, 8 soc_min_pct, 9 soc_max_pct, 10 soc_last_pct,
--                              11 soh_min_pct, 12 soh_last_pct, 13 cell_max_mv_max,
--                              14 cell_min_mv_min, 15 cell_spread_max_mv, 16 cell_spread_samples,
--                              17 bms_temp_min_dc, 18 bms_temp_max_dc, 19 cell_temp_min_dc,
--                              20 cell_temp_max_dc
--                              (smallint holds every physical reading: pack voltage ≤ 3,276.7 V,
--                              current ±3,276.7 A, cell mV, 0.1 °C, percent, samples per minute;
--                              a value outside it, such as a 0xFFFF "not available" sentinel the
--                              u16 contract lets through, is stored as null in this tier only:
--                              pack_sample and the 1h/1d rows keep it)
--   reals        real[][]      1 covered_s, 2 pack_voltage_avg_dv, 3 pack_current_avg_da,
--                              4 cell_spread_avg_mv, 5 energy_in_wh, 6 energy_out_wh, 7 sleep_s,
--                              8 charge_s, 9 discharge_s, 10 idle_s, 11 other_state_s
--   bits         integer[][]   1 first_ts and 2 last_ts as milliseconds after the minute's start,
--                              3 alarm_bits_any, 4 protection_bits_any
--   state_last   text[]
-- Readers get the old minute rows back from string_rollup_1m_minutes(string, from, to) below;
-- the rollup job (packages/db rollup-minutes.ts) writes whole hours in this order.
--
-- Layouts as before: a TimescaleDB hypertable on hour_start (7-day chunks), or on plain
-- PostgreSQL monthly partitions of hour_start plus a DEFAULT one; retention drops them by
-- hour_start after 2 years. The arrays stay in the row (STORAGE MAIN: a row of a full hour is
-- ~2 KB compressed, under the page, so no TOAST lookups on read) and compress with lz4.

-- Partitions of a rollup table are now made LIKE it with its columns' storage and compression,
-- and rows parked in the default partition are moved by the table's own partition key column
-- (bucket_start for 1h/1d, hour_start for 1m). Otherwise as in 20261210100000_string_rollups.
CREATE OR REPLACE FUNCTION ensure_rollup_partitions(parent regclass, from_ts timestamptz, to_ts timestamptz, step text)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
  parent_schema text;
  parent_name text;
  parent_kind "char";
  key_column text;
  width interval := CASE step WHEN 'year' THEN interval '1 year' ELSE interval '1 month' END;
  part_start timestamp;
  part_name text;
  created integer := 0;
BEGIN
  IF step NOT IN ('month', 'year') THEN
    RAISE EXCEPTION 'ensure_rollup_partitions: step must be month or year, not %', step;
  END IF;
  SELECT n.nspname, c.relname, c.relkind INTO parent_schema, parent_name, parent_kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = parent;
  IF parent_kind IS DISTINCT FROM 'p' THEN
    RETURN 0;
  END IF;
  SELECT a.attname INTO key_column
    FROM pg_partitioned_table pt
    JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
   WHERE pt.partrelid = parent;
  PERFORM pg_advisory_xact_lock(hashtext('ensure_time_partitions'), hashtext(parent_schema || '.' || parent_name));
  part_start := date_trunc(step, from_ts AT TIME ZONE 'UTC');
  WHILE (part_start AT TIME ZONE 'UTC') < to_ts LOOP
    part_name := parent_name || CASE step WHEN 'year' THEN '_y' || to_char(part_start, 'YYYY')
                                          ELSE '_p' || to_char(part_start, 'YYYYMM') END;
    IF to_regclass(format('%I.%I', parent_schema, part_name)) IS NULL THEN
      EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS '
                     'INCLUDING STORAGE INCLUDING COMPRESSION)',
                     parent_schema, part_name, parent_schema, parent_name);
      IF to_regclass(format('%I.%I', parent_schema, parent_name || '_default')) IS NOT NULL THEN
        EXECUTE format('WITH moved AS (DELETE FROM %I.%I WHERE %I >= $1 AND %I < $2 RETURNING *) '
                       'INSERT INTO %I.%I SELECT * FROM moved',
                       parent_schema, parent_name || '_default', key_column, key_column,
                       parent_schema, part_name)
          USING part_start AT TIME ZONE 'UTC', (part_start + width) AT TIME ZONE 'UTC';
      END IF;
      EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
                     parent_schema, parent_name, parent_schema, part_name,
                     to_char(part_start, 'YYYY-MM-DD "00:00:00+00"'),
                     to_char(part_start + width, 'YYYY-MM-DD "00:00:00+00"'));
      created := created + 1;
    END IF;
    part_start := part_start + width;
  END LOOP;
  RETURN created;
END
$fn$;

-- The stored minutes, packed per (string, hour) as above, kept while the old table goes.
CREATE TEMPORARY TABLE rollup_1m_packed ON COMMIT DROP AS
SELECT string_id,
       date_bin('1 hour', bucket_start, '2000-01-01T00:00:00Z') AS hour_start,
       array_agg(extract(minute FROM bucket_start)::smallint ORDER BY bucket_start) AS minute_no,
       ARRAY[array_agg(CASE WHEN samples BETWEEN -32768 AND 32767 THEN samples::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN pack_voltage_min_dv BETWEEN -32768 AND 32767 THEN pack_voltage_min_dv::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN pack_voltage_max_dv BETWEEN -32768 AND 32767 THEN pack_voltage_max_dv::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN pack_voltage_last_dv BETWEEN -32768 AND 32767 THEN pack_voltage_last_dv::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN pack_current_min_da BETWEEN -32768 AND 32767 THEN pack_current_min_da::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN pack_current_max_da BETWEEN -32768 AND 32767 THEN pack_current_max_da::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN pack_current_last_da BETWEEN -32768 AND 32767 THEN pack_current_last_da::smallint END ORDER BY bucket_start),
             array_agg(soc_min_pct ORDER BY bucket_start),
             array_agg(soc_max_pct ORDER BY bucket_start),
             array_agg(soc_last_pct ORDER BY bucket_start),
             array_agg(soh_min_pct ORDER BY bucket_start),
             array_agg(soh_last_pct ORDER BY bucket_start),
             array_agg(CASE WHEN cell_max_mv_max BETWEEN -32768 AND 32767 THEN cell_max_mv_max::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN cell_min_mv_min BETWEEN -32768 AND 32767 THEN cell_min_mv_min::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN cell_spread_max_mv BETWEEN -32768 AND 32767 THEN cell_spread_max_mv::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN cell_spread_samples BETWEEN -32768 AND 32767 THEN cell_spread_samples::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN bms_temp_min_dc BETWEEN -32768 AND 32767 THEN bms_temp_min_dc::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN bms_temp_max_dc BETWEEN -32768 AND 32767 THEN bms_temp_max_dc::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN cell_temp_min_dc BETWEEN -32768 AND 32767 THEN cell_temp_min_dc::smallint END ORDER BY bucket_start),
             array_agg(CASE WHEN cell_temp_max_dc BETWEEN -32768 AND 32767 THEN cell_temp_max_dc::smallint END ORDER BY bucket_start)] AS ints,
       ARRAY[array_agg(covered_s ORDER BY bucket_start),
             array_agg(pack_voltage_avg_dv ORDER BY bucket_start),
             array_agg(pack_current_avg_da ORDER BY bucket_start),
             array_agg(cell_spread_avg_mv ORDER BY bucket_start),
             array_agg(energy_in_wh ORDER BY bucket_start),
             array_agg(energy_out_wh ORDER BY bucket_start),
             array_agg(sleep_s ORDER BY bucket_start),
             array_agg(charge_s ORDER BY bucket_start),
             array_agg(discharge_s ORDER BY bucket_start),
             array_agg(idle_s ORDER BY bucket_start),
             array_agg(other_state_s ORDER BY bucket_start)] AS reals,
       ARRAY[array_agg(round(extract(epoch FROM first_ts - bucket_start) * 1000)::int ORDER BY bucket_start),
             array_agg(round(extract(epoch FROM last_ts - bucket_start) * 1000)::int ORDER BY bucket_start),
             array_agg(alarm_bits_any ORDER BY bucket_start),
             array_agg(protection_bits_any ORDER BY bucket_start)] AS bits,
       array_agg(state_last ORDER BY bucket_start) AS state_last
  FROM string_rollup_1m
 GROUP BY 1, 2;

DROP TABLE string_rollup_1m;

DO $$
DECLARE
  columns text := $cols$
    string_id   uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
    hour_start  timestamptz NOT NULL,
    minute_no   smallint[]  NOT NULL,
    ints        smallint[]  COMPRESSION lz4 NOT NULL,
    reals       real[]      COMPRESSION lz4 NOT NULL,
    bits        integer[]   COMPRESSION lz4 NOT NULL,
    state_last  text[]      COMPRESSION lz4 NOT NULL,
    CONSTRAINT string_rollup_1m_pkey PRIMARY KEY (string_id, hour_start)
  $cols$;
  -- Column STORAGE in CREATE TABLE needs PostgreSQL 16; ALTER works on 15 and recurses into
  -- partitions.
  storage text := 'ALTER TABLE string_rollup_1m ALTER COLUMN minute_no SET STORAGE MAIN, '
                  'ALTER COLUMN ints SET STORAGE MAIN, ALTER COLUMN reals SET STORAGE MAIN, '
                  'ALTER COLUMN bits SET STORAGE MAIN, ALTER COLUMN state_last SET STORAGE MAIN';
  -- lz4 only where the server was built with it (Debian's and the TimescaleDB build are; the
  -- embedded PostgreSQL of `npm start` is not): pglz there, which compresses these arrays less.
  lz4 boolean := EXISTS (SELECT 1 FROM pg_settings
                          WHERE name = 'default_toast_compression' AND 'lz4' = ANY (enumvals));
BEGIN
  IF NOT lz4 THEN
    columns := replace(columns, 'COMPRESSION lz4 ', '');
  END IF;
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    EXECUTE format('CREATE TABLE string_rollup_1m (%s)', columns);
    EXECUTE storage;
    PERFORM create_hypertable('string_rollup_1m'::regclass, 'hour_start',
                              chunk_time_interval => interval '7 days', create_default_indexes => false);
  ELSE
    EXECUTE format('CREATE TABLE string_rollup_1m (%s) PARTITION BY RANGE (hour_start)', columns);
    CREATE TABLE string_rollup_1m_default PARTITION OF string_rollup_1m DEFAULT;
    EXECUTE storage;
  END IF;
END
$$;

INSERT INTO string_rollup_1m (string_id, hour_start, minute_no, ints, reals, bits, state_last)
SELECT string_id, hour_start, minute_no, ints, reals, bits, state_last FROM rollup_1m_packed;

SELECT ensure_rollup_partitions('string_rollup_1m',
                                least(now() - interval '1 month', (SELECT min(hour_start) FROM rollup_1m_packed)),
                                now() + interval '2 months', 'month');

-- The minutes of one string with bucket_start in [p_from, p_to), as the rows (and column types)
-- of the old one-row-per-minute table, in time order. Filters the hour rows first (a range of the
-- (string_id, hour_start) primary key), then unpacks only their slots. Each field is taken as a
-- whole row of its 2-D array (ints[k:k]) and zipped by the multi-argument unnest: a subscript
-- per slot (ints[k][i]) would decompress the array again for every value, ~30x slower.
CREATE FUNCTION string_rollup_1m_minutes(p_string_id uuid, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (
  string_id            uuid,
  bucket_start         timestamptz,
  samples              integer,
  covered_s            real,
  first_ts             timestamptz,
  last_ts              timestamptz,
  pack_voltage_min_dv  integer,
  pack_voltage_max_dv  integer,
  pack_voltage_avg_dv  real,
  pack_voltage_last_dv integer,
  pack_current_min_da  integer,
  pack_current_max_da  integer,
  pack_current_avg_da  real,
  pack_current_last_da integer,
  soc_min_pct          smallint,
  soc_max_pct          smallint,
  soc_last_pct         smallint,
  soh_min_pct          smallint,
  soh_last_pct         smallint,
  cell_max_mv_max      integer,
  cell_min_mv_min      integer,
  cell_spread_max_mv   integer,
  cell_spread_avg_mv   real,
  cell_spread_samples  integer,
  bms_temp_min_dc      integer,
  bms_temp_max_dc      integer,
  cell_temp_min_dc     integer,
  cell_temp_max_dc     integer,
  energy_in_wh         real,
  energy_out_wh        real,
  sleep_s              real,
  charge_s             real,
  discharge_s          real,
  idle_s               real,
  other_state_s        real,
  alarm_bits_any       integer,
  protection_bits_any  integer,
  state_last           text
)
LANGUAGE sql STABLE
AS $fn$
  SELECT r.string_id, m.minute_start,
         u.samples, u.covered_s,
         m.minute_start + u.first_ms * interval '1 millisecond',
         m.minute_start + u.last_ms * interval '1 millisecond',
         u.v_min, u.v_max, u.v_avg, u.v_last,
         u.i_min, u.i_max, u.i_avg, u.i_last,
         u.soc_min, u.soc_max, u.soc_last, u.soh_min, u.soh_last,
         u.cell_max, u.cell_min, u.spread_max, u.spread_avg, u.spread_samples,
         u.bms_temp_min, u.bms_temp_max, u.cell_temp_min, u.cell_temp_max,
         u.energy_in, u.energy_out,
         u.sleep_s, u.charge_s, u.discharge_s, u.idle_s, u.other_s,
         u.alarm_bits, u.protection_bits, u.state_last
    FROM string_rollup_1m r
   CROSS JOIN LATERAL unnest(
           r.minute_no,
           r.ints[1:1], r.ints[2:2], r.ints[3:3], r.ints[4:4], r.ints[5:5], r.ints[6:6], r.ints[7:7],
           r.ints[8:8], r.ints[9:9], r.ints[10:10], r.ints[11:11], r.ints[12:12], r.ints[13:13],
           r.ints[14:14], r.ints[15:15], r.ints[16:16], r.ints[17:17], r.ints[18:18], r.ints[19:19],
           r.ints[20:20],
           r.reals[1:1], r.reals[2:2], r.reals[3:3], r.reals[4:4], r.reals[5:5], r.reals[6:6],
           r.reals[7:7], r.reals[8:8], r.reals[9:9], r.reals[10:10], r.reals[11:11],
           r.bits[1:1], r.bits[2:2], r.bits[3:3], r.bits[4:4],
           r.state_last
         ) AS u(minute_no,
                samples, v_min, v_max, v_last, i_min, i_max, i_last, soc_min, soc_max, soc_last,
                soh_min, soh_last, cell_max, cell_min, spread_max, spread_samples, bms_temp_min,
                bms_temp_max, cell_temp_min, cell_temp_max,
                covered_s, v_avg, i_avg, spread_avg, energy_in, energy_out, sleep_s, charge_s,
                discharge_s, idle_s, other_s,
                first_ms, last_ms, alarm_bits, protection_bits,
                state_last)
   CROSS JOIN LATERAL (SELECT r.hour_start + u.minute_no * interval '1 minute' AS minute_start) m
   WHERE r.string_id = p_string_id
     AND r.hour_start > p_from - interval '1 hour' AND r.hour_start < p_to
     AND m.minute_start >= p_from AND m.minute_start < p_to
   ORDER BY m.minute_start
$fn$;
