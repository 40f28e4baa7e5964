-- quarantined_sample: rows of a telemetry batch that ingest could not store, each with its
-- reason, while the rest of the batch was stored (apps/ingest README, "Quarantine"). A row
-- lands here when the database would refuse it (a value outside its column's range, found in
-- code before the COPY; or an error the database raised for that one row, e.g. a string id that
-- vanished). Support reads it to fix the cause and, if wanted, replays `raw`.
--
-- A plain table on both databases: it stays small (bad rows are rare) and is read by msg_id or
-- by gateway and time. Not in schema.prisma, like the other ingest tables written with pg.
-- No foreign keys: the row must be kept even when its string (or gateway) is gone.
CREATE TABLE quarantined_sample (
  id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  quarantined_at  timestamptz NOT NULL DEFAULT now(),
  -- ledger key of the batch (`<gatewayId>:<bootId>:<seq>`), as in ingest_batch
  msg_id          text        NOT NULL,
  gateway_id      text        NOT NULL,
  -- sample kind: `pack` (pack_sample) or `cells` (cell_snapshot)
  kind            text        NOT NULL,
  string_id       uuid,
  ts              timestamptz,
  -- short machine code (`out-of-range`, `missing-value`, `db-refused`) and the human reason
  code            text        NOT NULL,
  reason          text        NOT NULL,
  -- SQLSTATE when the database refused the row
  sqlstate        text,
  -- the sample as ingest decoded it (a `packs` series row expanded), JSON
  raw             jsonb       NOT NULL
);

CREATE INDEX quarantined_sample_msg_id_idx ON quarantined_sample (msg_id);
CREATE INDEX quarantined_sample_gateway_idx ON quarantined_sample (gateway_id, quarantined_at);
