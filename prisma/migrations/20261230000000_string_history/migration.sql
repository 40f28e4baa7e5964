-- Issue 6: "modules (serial, type H48050/H48074/other, position)", "BMS events", "data-quality
-- gaps", and "offline and back-online events are recorded" — stored facts rather than alarms only.
--
--   * bms_module: one row per module a string was seen with, at its rack position (1-based). A
--     module replaced at a position gets removed_at and the new one a new row, so history stays.
--   * bms_event (SQL-only time series): every `bms.evt/1` event as received, unknown kinds raw.
--     (gateway_id, msg_id, idx) is the key, so a replayed batch stores nothing twice.
--   * data_gap (SQL-only): holes between stored pack samples longer than the rollup gap limit
--     (ROLLUP_MAX_GAP_S), kept current by ingest; a late batch that fills one shrinks or drops it.
--   * connectivity_event (SQL-only): one row per offline/online change of a gateway or string.

-- CreateTable
CREATE TABLE "bms_module" (
    "id" UUID NOT NULL,
    "string_id" UUID NOT NULL,
    "position" SMALLINT NOT NULL,
    "module_type" "ModuleType" NOT NULL,
    "serial" TEXT,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "removed_at" TIMESTAMPTZ(3),

    CONSTRAINT "bms_module_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- A string's module history, oldest first.
CREATE INDEX "bms_module_string_id_first_seen_at_idx" ON "bms_module"("string_id", "first_seen_at");

-- CreateIndex: one present module per position; removed ones stay as history. Partial (Prisma's
-- @@unique cannot carry the predicate; the drift test compares columns and uniqueness only).
CREATE UNIQUE INDEX "bms_module_string_id_position_key" ON "bms_module"("string_id", "position") WHERE "removed_at" IS NULL;

-- AddForeignKey
ALTER TABLE "bms_module" ADD CONSTRAINT "bms_module_string_id_fkey" FOREIGN KEY ("string_id") REFERENCES "bms_string"("id") ON DELETE CASCADE ON UPDATE CASCADE;

DO $$
DECLARE
  columns text := $cols$
    gateway_id text        NOT NULL REFERENCES gateway (id) ON DELETE CASCADE ON UPDATE CASCADE,
    -- NULL for gateway-level events (boot)
    string_id  uuid        REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
    ts         timestamptz NOT NULL,
    kind       text        NOT NULL,
    -- the event as received (unknown kinds kept whole)
    body       jsonb       NOT NULL,
    -- the batch's `<gatewayId>:<bootId>:e<seq>` and the event's index in it
    msg_id     text        NOT NULL,
    idx        integer     NOT NULL,
    CONSTRAINT bms_event_pkey PRIMARY KEY (gateway_id, msg_id, idx, ts)
  $cols$;
  use_timescale boolean := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb');
BEGIN
  -- A partitioned table's unique key must hold the partition column, hence ts in the key; an
  -- event's ts is part of the event, so a replay carries the same ts and still conflicts.
  IF use_timescale THEN
    EXECUTE 'CREATE TABLE bms_event (' || columns || ')';
    PERFORM create_hypertable('bms_event', 'ts', chunk_time_interval => interval '30 days');
  ELSE
    EXECUTE 'CREATE TABLE bms_event (' || columns || ') PARTITION BY RANGE (ts)';
    CREATE TABLE bms_event_default PARTITION OF bms_event DEFAULT;
  END IF;
END
$$;

SELECT ensure_time_partitions(
  'bms_event',
  date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' - interval '1 month',
  now() + interval '2 months'
);

-- A string's events newest first (GET /api/strings/{id}/events).
CREATE INDEX bms_event_string_ts_idx ON bms_event (string_id, ts DESC);

CREATE TABLE data_gap (
  string_id   uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- the last sample before the hole and the first after it
  gap_start   timestamptz NOT NULL,
  gap_end     timestamptz NOT NULL,
  detected_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT data_gap_pkey PRIMARY KEY (string_id, gap_start),
  CONSTRAINT data_gap_order CHECK (gap_end > gap_start)
);

CREATE TABLE connectivity_event (
  id         bigserial   PRIMARY KEY,
  gateway_id text        NOT NULL REFERENCES gateway (id) ON DELETE CASCADE ON UPDATE CASCADE,
  -- NULL: the gateway itself
  string_id  uuid        REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
  ts         timestamptz NOT NULL,
  kind       text        NOT NULL CHECK (kind IN ('online', 'offline')),
  reason     text        NOT NULL
);

-- The latest state of one subject (the sweep compares against it) and a string's history.
CREATE INDEX connectivity_event_string_ts_idx ON connectivity_event (string_id, ts DESC) WHERE string_id IS NOT NULL;
CREATE INDEX connectivity_event_gateway_ts_idx ON connectivity_event (gateway_id, ts DESC) WHERE string_id IS NULL;

-- Site-level data: visible to the API's scoped role exactly where its string or gateway is.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('bms_module', 'string_id IN (SELECT b.id FROM bms_string b)'),
      ('bms_event', 'gateway_id IN (SELECT g.id FROM gateway g)'),
      ('data_gap', 'string_id IN (SELECT b.id FROM bms_string b)'),
      ('connectivity_event', 'gateway_id IN (SELECT g.id FROM gateway g)')
    ) AS v(name, expr) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format('CREATE POLICY fleet_scope ON %I TO fleet_app USING (%s) WITH CHECK (%s)', t.name, t.expr, t.expr);
  END LOOP;
END
$$;
