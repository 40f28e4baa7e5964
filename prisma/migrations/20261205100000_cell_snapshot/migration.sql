-- cell_snapshot: every cell of one string at one moment, ONE ROW PER SNAPSHOT with the values
-- as 2-D arrays [module][cell] (packages/telemetry CellSnapshot, sample kind `cells`). A row per
-- cell would be 225 rows (and 225 index entries) per snapshot of a 15 × 15 string.
-- Also: pack_sample grows the module-extreme columns (0x4260 / 0x4270) that PackSample gained
-- in the same contract version; they used to travel only in `raw`.
--
-- Same two layouts as 20261125120100_pack_sample (whose ensure_time_partitions() this uses):
--   * TimescaleDB: a hypertable with 7-day chunks (a snapshot every 5 min is ~2k rows/day/string
--     at most, far fewer than pack_sample);
--   * plain PostgreSQL: PARTITION BY RANGE (ts), monthly partitions + a DEFAULT partition.

ALTER TABLE pack_sample
  ADD COLUMN module_voltage_max_mv integer,
  ADD COLUMN module_voltage_min_mv integer,
  ADD COLUMN module_voltage_max_no integer,
  ADD COLUMN module_voltage_min_no integer,
  ADD COLUMN module_temp_max_dc    integer,
  ADD COLUMN module_temp_min_dc    integer,
  ADD COLUMN module_temp_max_no    integer,
  ADD COLUMN module_temp_min_no    integer;

DO $$
DECLARE
  columns text := $cols$
    string_id        uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
    ts               timestamptz NOT NULL,
    -- console (`bat`), rs485 (0x42) or other; why: schedule, edge (alarm/protection bit) or command
    source           text,
    trigger          text,
    module_count     smallint    NOT NULL,
    -- [module][cell] in physical order, 1 mV; a module with fewer cells is padded with NULL
    cell_voltages_mv integer[]   NOT NULL,
    -- [module][sensor], 0.1 °C, NULL where not read
    cell_temps_dc    integer[],
    -- extremes over the whole snapshot, so "worst cell over time" needs no array unnesting
    cell_min_mv      integer     NOT NULL,
    cell_max_mv      integer     NOT NULL,
    CONSTRAINT cell_snapshot_pkey PRIMARY KEY (string_id, ts)
  $cols$;
  use_timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
BEGIN
  -- pack_sample's migration already created the extension where it can be loaded.
  IF use_timescale THEN
    EXECUTE 'CREATE TABLE cell_snapshot (' || columns || ')';
    PERFORM create_hypertable('cell_snapshot', 'ts', chunk_time_interval => interval '7 days');
  ELSE
    EXECUTE 'CREATE TABLE cell_snapshot (' || columns || ') PARTITION BY RANGE (ts)';
    CREATE TABLE cell_snapshot_default PARTITION OF cell_snapshot DEFAULT;
  END IF;
END
$$;

SELECT ensure_time_partitions(
  'cell_snapshot',
  date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 month',
  now() + interval '2 months'
);
