-- bench:storage (docs/benchmarks.md): on TimescaleDB, create_hypertable added a time-only index
-- (<table>_ts_idx / <table>_bucket_start_idx, time DESC) to every time-series table beside its
-- (string_id, time) primary key. Every read and write of these tables names the string (trends,
-- latest sample, rollup job, merge path), and retention drops whole chunks by their time range
-- without an index, so the second index only cost bytes: ~8 % of pack_sample and ~15 % of
-- string_rollup_1m per string. Plain PostgreSQL never had them; IF EXISTS keeps this a no-op there.
DROP INDEX IF EXISTS pack_sample_ts_idx;
DROP INDEX IF EXISTS cell_snapshot_ts_idx;
DROP INDEX IF EXISTS string_rollup_1m_bucket_start_idx;
DROP INDEX IF EXISTS string_rollup_1h_bucket_start_idx;
DROP INDEX IF EXISTS string_rollup_1d_bucket_start_idx;
