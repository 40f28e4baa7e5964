-- pack_sample: one row per string per pack reading (contract in packages/telemetry PackSample,
-- snake_case columns). Not in schema.prisma: Prisma does not model hypertables or partitioned
-- tables; packages/db reads and writes it with pg.
--
-- One file for both databases the project runs on:
--   * TimescaleDB (extension installable and preloaded): a hypertable, 1-day chunks.
--   * plain PostgreSQL: native PARTITION BY RANGE (ts) with monthly partitions created by
--     ensure_time_partitions() (here for the surrounding months, by ingest at start and daily)
--     and a DEFAULT partition, so a row outside every monthly partition is still stored.

-- Creates the monthly partitions of a natively partitioned table for [from_ts, to_ts), in UTC
-- months named <parent>_pYYYYMM. Rows already parked in <parent>_default for such a month are
-- moved into the new partition (PostgreSQL refuses to create a partition whose rows sit in the
-- default one). Returns how many partitions it created; 0 for a hypertable or a plain table.
CREATE OR REPLACE FUNCTION ensure_time_partitions(parent regclass, from_ts timestamptz, to_ts timestamptz)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
  parent_schema text;
  parent_name text;
  parent_kind "char";
  month_start timestamp;
  lower_bound timestamptz;
  upper_bound timestamptz;
  part_name text;
  created integer := 0;
BEGIN
  SELECT n.nspname, c.relname, c.relkind INTO parent_schema, parent_name, parent_kind
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.oid = parent;
  IF parent_kind IS DISTINCT FROM 'p' THEN
    RETURN 0;
  END IF;
  -- Every ingest instance calls this; one at a time per parent table, until commit.
  PERFORM pg_advisory_xact_lock(hashtext('ensure_time_partitions'), hashtext(parent_schema || '.' || parent_name));
  -- Month arithmetic on timestamp (not timestamptz) so the session time zone plays no part.
  month_start := date_trunc('month', from_ts AT TIME ZONE 'UTC');
  WHILE (month_start AT TIME ZONE 'UTC') < to_ts LOOP
    lower_bound := month_start AT TIME ZONE 'UTC';
    upper_bound := (month_start + interval '1 month') AT TIME ZONE 'UTC';
    part_name := parent_name || '_p' || to_char(month_start, 'YYYYMM');
    IF to_regclass(format('%I.%I', parent_schema, part_name)) IS NULL THEN
      EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS)',
                     parent_schema, part_name, parent_schema, parent_name);
      IF to_regclass(format('%I.%I', parent_schema, parent_name || '_default')) IS NOT NULL THEN
        EXECUTE format('WITH moved AS (DELETE FROM %I.%I WHERE ts >= $1 AND ts < $2 RETURNING *) '
                       'INSERT INTO %I.%I SELECT * FROM moved',
                       parent_schema, parent_name || '_default', parent_schema, part_name)
          USING lower_bound, upper_bound;
      END IF;
      EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
                     parent_schema, parent_name, parent_schema, part_name,
                     to_char(month_start, 'YYYY-MM-DD "00:00:00+00"'),
                     to_char(month_start + interval '1 month', 'YYYY-MM-DD "00:00:00+00"'));
      created := created + 1;
    END IF;
    month_start := month_start + interval '1 month';
  END LOOP;
  RETURN created;
END
$fn$;

DO $$
DECLARE
  -- One column list for both branches, so the two shapes cannot drift apart.
  columns text := $cols$
    string_id            uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
    ts                   timestamptz NOT NULL,
    pack_voltage_dv      integer     NOT NULL,
    pack_current_da      integer     NOT NULL,
    bms_temp_dc          integer     NOT NULL,
    soc_pct              smallint    NOT NULL,
    soh_pct              smallint    NOT NULL,
    charge_cutoff_dv     integer,
    discharge_cutoff_dv  integer,
    charge_limit_da      integer,
    discharge_limit_da   integer,
    discharge_limit_raw  integer,
    cell_max_mv          integer,
    cell_min_mv          integer,
    cell_max_no          integer,
    cell_min_no          integer,
    cell_temp_max_dc     integer,
    cell_temp_min_dc     integer,
    cell_temp_max_no     integer,
    cell_temp_min_no     integer,
    state                text,
    status_byte          smallint,
    cycle_period_raw     integer,
    error_bits           smallint,
    alarm_bits           integer,
    protection_bits      integer,
    charge_forbidden     boolean,
    discharge_forbidden  boolean,
    raw                  jsonb,
    CONSTRAINT pack_sample_pkey PRIMARY KEY (string_id, ts)
  $cols$;
  -- TimescaleDB must be in shared_preload_libraries; "available" alone makes CREATE EXTENSION fail.
  use_timescale boolean :=
    EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb')
    OR (EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb')
        AND coalesce(current_setting('shared_preload_libraries', true), '') LIKE '%timescaledb%');
BEGIN
  IF use_timescale THEN
    CREATE EXTENSION IF NOT EXISTS timescaledb;
    EXECUTE 'CREATE TABLE pack_sample (' || columns || ')';
    PERFORM create_hypertable('pack_sample', 'ts', chunk_time_interval => interval '1 day');
  ELSE
    EXECUTE 'CREATE TABLE pack_sample (' || columns || ') PARTITION BY RANGE (ts)';
    CREATE TABLE pack_sample_default PARTITION OF pack_sample DEFAULT;
  END IF;
END
$$;

-- The month before, this one and the next two; ingest keeps extending the window daily.
SELECT ensure_time_partitions(
  'pack_sample',
  date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 month',
  now() + interval '2 months'
);
