-- string_latest: the newest pack sample of each string, one row per string, so the fleet overview
-- reads one row by primary key per listed string instead of walking pack_sample per string (issue
-- 6: the overview grew 21x for 10x strings). SQL-only like the other time-series side tables
-- (prisma/README.md): written with pg by the ingest write path, in the transaction that stores
-- the samples, and only ever forward: the upsert keeps the row when the stored ts is not older
-- (a replayed or late batch never moves it back). The columns are what the overview shows.
CREATE TABLE string_latest (
    string_id        uuid        NOT NULL REFERENCES bms_string (id) ON DELETE CASCADE ON UPDATE CASCADE,
    ts               timestamptz NOT NULL,
    pack_voltage_dv  integer     NOT NULL,
    pack_current_da  integer     NOT NULL,
    bms_temp_dc      integer     NOT NULL,
    soc_pct          smallint    NOT NULL,
    soh_pct          smallint    NOT NULL,
    cell_max_mv      integer,
    cell_min_mv      integer,
    cell_temp_max_dc integer,
    state            text,
    error_bits       smallint,
    alarm_bits       integer,
    protection_bits  integer,
    CONSTRAINT string_latest_pkey PRIMARY KEY (string_id)
);

-- Keyset paging of the overview by string name: a page is an index range scan of `limit` rows.
-- In schema.prisma as @@index([tenantId, name, id]).
CREATE INDEX "bms_string_tenant_id_name_id_idx" ON "bms_string"("tenant_id", "name", "id");

-- The worst open alarm per string: open alarms are few (they get resolved), so a partial index
-- over them keeps both the per-string lookup and the tenant-wide DISTINCT ON of the
-- severity-sorted overview independent of the closed history. In schema.prisma as
-- @@index([tenantId, stringId, severity]) (Prisma has no partial indexes; the drift test compares
-- columns, not predicates).
CREATE INDEX "alarm_tenant_id_string_id_severity_idx" ON "alarm"("tenant_id", "string_id", "severity")
  WHERE "status" IN ('open', 'acknowledged');

-- Backfill: the newest sample per string, by the (string_id, ts) key walked backwards.
INSERT INTO string_latest (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
                           cell_max_mv, cell_min_mv, cell_temp_max_dc, state, error_bits, alarm_bits, protection_bits)
SELECT s.id, p.ts, p.pack_voltage_dv, p.pack_current_da, p.bms_temp_dc, p.soc_pct, p.soh_pct,
       p.cell_max_mv, p.cell_min_mv, p.cell_temp_max_dc, p.state, p.error_bits, p.alarm_bits, p.protection_bits
  FROM bms_string s
  CROSS JOIN LATERAL (
    SELECT * FROM pack_sample ps WHERE ps.string_id = s.id ORDER BY ps.ts DESC LIMIT 1) p;
