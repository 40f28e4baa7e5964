-- Issue 9: the fleet list sorted by data completeness at 10,000 strings. Completeness is the share
-- of the last 24 whole hours [window_end - 24 h, window_end) covered by samples (string_rollup_1h
-- covered_s); computing it for every string of a scope on each request took seconds (10,000
-- primary-key range reads of string_rollup_1h). string_completeness keeps it per string, written
-- with pg by ingest's rollup job only (packages/db fleet-list.completeness.ts):
--   * the job's transaction that recomputes 1-hour rows of the current window updates those
--     strings' rows (after a per-string advisory lock, so two runs cannot store a value that misses
--     the other's uncommitted hour);
--   * after each pass, every row whose window_end is not the current whole hour (the window moved,
--     or the string is new) is recomputed, in batches.
-- A reader uses a row only when its window_end is the window it asks about and computes the value
-- otherwise (string_completeness_pct), so the answer is the same with or without the table; it
-- only decides how fast. Not in schema.prisma, like string_latest (prisma/README.md).
CREATE TABLE string_completeness (
  string_id        uuid        PRIMARY KEY REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
  window_end       timestamptz NOT NULL,
  completeness_pct float8      NOT NULL,
  computed_at      timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE string_completeness ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON string_completeness TO fleet_app
  USING (string_id IN (SELECT b.id FROM bms_string b))
  WITH CHECK (string_id IN (SELECT b.id FROM bms_string b));

-- The one definition of the value: covered seconds of [window_start, window_end) over 24 h, in %
-- with one decimal, capped at 100 (string_rollup_1h primary-key range). A function rather than an
-- inline subquery also keeps the planner's cost estimate of a 10,000-row list low, where the
-- inline subquery pushed it over jit_above_cost and JIT compilation alone took ~0.3 s.
CREATE OR REPLACE FUNCTION string_completeness_pct(p_string_id uuid, p_window_start timestamptz, p_window_end timestamptz)
RETURNS float8
LANGUAGE sql STABLE PARALLEL SAFE
AS $fn$
  SELECT least(100, round((coalesce(sum(r.covered_s), 0) / 864.0)::numeric, 1))::float8
    FROM string_rollup_1h r
   WHERE r.string_id = p_string_id AND r.bucket_start >= p_window_start AND r.bucket_start < p_window_end
$fn$;
