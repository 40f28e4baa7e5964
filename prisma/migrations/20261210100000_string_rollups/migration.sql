-- string_rollup_1m / _1h / _1d: per-string aggregates of pack_sample, kept by the project's own
-- rollup job (packages/db RollupRepository; the Apache edition of TimescaleDB has no continuous
-- aggregates), and rollup_dirty, the queue of (string, hour) pairs whose raw samples changed.
-- Not in schema.prisma, like pack_sample (prisma/README.md, "Time-series tables are SQL-only").
--
-- One row per string per bucket. Sample statistics (min/max/avg/last) come from the samples whose
-- ts falls in the bucket; time-weighted values (covered_s, energy, seconds per state) come from
-- the spans between consecutive samples no further apart than the rollup gap limit, clipped at the
-- bucket edges, so a bucket sums exactly the time it contains. A 1-minute row exists only for a
-- minute with samples: spans in a minute without one are carried by the previous sample minute
-- of the same hour (or the hour's first), so the minutes of an hour add up to the hour.
-- Names stay clear of system columns (cmin, cmax, xmin, xmax, ctid, tableoid).
--
-- Layouts, as for pack_sample:
--   * TimescaleDB: hypertables on bucket_start (1m: 7-day chunks; 1h: 90-day; 1d: 1-year).
--   * plain PostgreSQL: PARTITION BY RANGE (bucket_start) + a DEFAULT partition; 1m monthly
--     (dropped whole by retention after 2 years), 1h and 1d yearly (kept for the string's life),
--     both through ensure_rollup_partitions() below.

-- ensure_time_partitions() (20261125120100_pack_sample) assumes monthly partitions of a `ts`
-- column; the rollup tables are bucketed by bucket_start, and 1h/1d want years. Same contract:
-- creates the partitions overlapping [from_ts, to_ts) in UTC, named <parent>_pYYYYMM (months) or
-- <parent>_yYYYY (years), moves rows parked in <parent>_default into them, returns how many it
-- created, and 0 for a hypertable.
CREATE OR REPLACE FUNCTION ensure_rollup_partitions(parent regclass, from_ts timestamptz, to_ts timestamptz, step text)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
  parent_schema text;
  parent_name text;
  parent_kind "char";
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
  PERFORM pg_advisory_xact_lock(hashtext('ensure_time_partitions'), hashtext(parent_schema || '.' || parent_name));
  part_start := date_trunc(step, from_ts AT TIME ZONE 'UTC');
  WHILE (part_start AT TIME ZONE 'UTC') < to_ts LOOP
    part_name := parent_name || CASE step WHEN 'year' THEN '_y' || to_char(part_start, 'YYYY')
                                          ELSE '_p' || to_char(part_start, 'YYYYMM') END;
    IF to_regclass(format('%I.%I', parent_schema, part_name)) IS NULL THEN
      EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                     parent_schema, part_name, parent_schema, parent_name);
      IF to_regclass(format('%I.%I', parent_schema, parent_name || '_default')) IS NOT NULL THEN
        EXECUTE format('WITH moved AS (DELETE FROM %I.%I WHERE bucket_start >= $1 AND bucket_start < $2 RETURNING *) '
                       'INSERT INTO %I.%I SELECT * FROM moved',
                       parent_schema, parent_name || '_default', parent_schema, part_name)
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

DO $$
DECLARE
  -- One column list for the three tiers and both layouts. real (4 bytes) for averages, energy
  -- and seconds: 7 significant digits are plenty for them and the 1m tier is the bulk of the bytes.
  columns text := $cols$
    string_id            uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
    bucket_start         timestamptz NOT NULL,
    samples              integer     NOT NULL,
    covered_s            real        NOT NULL,
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
    cell_spread_samples  integer     NOT NULL,
    bms_temp_min_dc      integer,
    bms_temp_max_dc      integer,
    cell_temp_min_dc     integer,
    cell_temp_max_dc     integer,
    energy_in_wh         real        NOT NULL,
    energy_out_wh        real        NOT NULL,
    sleep_s              real        NOT NULL,
    charge_s             real        NOT NULL,
    discharge_s          real        NOT NULL,
    idle_s               real        NOT NULL,
    other_state_s        real        NOT NULL,
    alarm_bits_any       integer,
    protection_bits_any  integer,
    state_last           text
  $cols$;
  use_timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
  tier record;
BEGIN
  FOR tier IN SELECT * FROM (VALUES ('string_rollup_1m', interval '7 days'),
                                    ('string_rollup_1h', interval '90 days'),
                                    ('string_rollup_1d', interval '365 days')) AS t(name, chunk) LOOP
    IF use_timescale THEN
      EXECUTE format('CREATE TABLE %I (%s, CONSTRAINT %I PRIMARY KEY (string_id, bucket_start))',
                     tier.name, columns,
                     tier.name || '_pkey');
      PERFORM create_hypertable(tier.name::regclass, 'bucket_start', chunk_time_interval => tier.chunk);
    ELSE
      EXECUTE format('CREATE TABLE %I (%s, CONSTRAINT %I PRIMARY KEY (string_id, bucket_start)) PARTITION BY RANGE (bucket_start)',
                     tier.name, columns,
                     tier.name || '_pkey');
      EXECUTE format('CREATE TABLE %I PARTITION OF %I DEFAULT', tier.name || '_default', tier.name);
    END IF;
  END LOOP;
END
$$;

SELECT ensure_rollup_partitions('string_rollup_1m', now() - interval '1 month', now() + interval '2 months', 'month');
SELECT ensure_rollup_partitions('string_rollup_1h', now() - interval '1 year', now() + interval '1 year', 'year');
SELECT ensure_rollup_partitions('string_rollup_1d', now() - interval '1 year', now() + interval '1 year', 'year');

-- (string, hour) pairs whose raw samples changed since their rollups were computed. Written in
-- the ingest transaction that stores the samples (markRollupDirty), consumed by the rollup job
-- (DELETE … RETURNING of rows locked FOR UPDATE SKIP LOCKED, in the transaction that writes the
-- rollups), so a crash between the two loses nothing and two jobs never take the same hour.
CREATE TABLE rollup_dirty (
  string_id    uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
  bucket_start timestamptz NOT NULL,
  marked_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT rollup_dirty_pkey PRIMARY KEY (string_id, bucket_start)
);
