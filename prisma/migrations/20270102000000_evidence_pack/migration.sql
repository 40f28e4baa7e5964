-- Issue 9: evidence packs. One row per requested pack (a string and a period) and its generated
-- files, stored in PostgreSQL so no API instance depends on a local disk.
--
-- Files are bytea chunks (evidence_pack_file: pack, file name, sequence number), not large
-- objects: a large object lives in pg_largeobject, outside row-level security and outside
-- ON DELETE CASCADE, so it would need its own access checks and its own cleanup. Chunks of at
-- most 1 MiB let the generator write and the download read a file of any size with flat memory.
-- While a pack is being made its CSVs are chunks too (the ZIP is built from them); once the ZIP
-- is stored only `pack.pdf` and `pack.zip` remain.

-- CreateEnum
CREATE TYPE "EvidencePackStatus" AS ENUM ('queued', 'running', 'ready', 'failed');

-- CreateTable
CREATE TABLE "evidence_pack" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "string_id" UUID NOT NULL,
    "period_from" TIMESTAMPTZ(3) NOT NULL,
    "period_to" TIMESTAMPTZ(3) NOT NULL,
    "requested_by" TEXT NOT NULL,
    "status" "EvidencePackStatus" NOT NULL DEFAULT 'queued',
    "progress_step" INTEGER NOT NULL DEFAULT 0,
    "progress_of" INTEGER NOT NULL DEFAULT 0,
    "progress_message" TEXT,
    "error" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "heartbeat_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "generator_version" TEXT,
    "pdf_sha256" TEXT,
    "zip_sha256" TEXT,
    "pdf_bytes" BIGINT,
    "zip_bytes" BIGINT,

    CONSTRAINT "evidence_pack_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "evidence_pack_file" (
    "pack_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "evidence_pack_file_pkey" PRIMARY KEY ("pack_id","name","seq")
);

-- CreateIndex: a string's packs, newest first.
CREATE INDEX "evidence_pack_string_id_created_at_idx" ON "evidence_pack"("string_id", "created_at");

-- CreateIndex: the runner's queue (queued, and running rows whose heartbeat went stale).
CREATE INDEX "evidence_pack_status_created_at_idx" ON "evidence_pack"("status", "created_at");

-- CreateIndex
CREATE INDEX "evidence_pack_tenant_id_idx" ON "evidence_pack"("tenant_id");

-- AddForeignKey: tenant and site follow the string (a deleted site or tenant deletes its strings).
ALTER TABLE "evidence_pack" ADD CONSTRAINT "evidence_pack_string_id_fkey" FOREIGN KEY ("string_id") REFERENCES "bms_string"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "evidence_pack_file" ADD CONSTRAINT "evidence_pack_file_pack_id_fkey" FOREIGN KEY ("pack_id") REFERENCES "evidence_pack"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The API's request path reads, creates and downloads packs as fleet_app (docs/access.md); the
-- runner writes as the tables' owner. Default privileges of 20261227000000_access_model cover
-- tables made by the same role; the explicit grants cover a deployment that migrates as another.
GRANT SELECT, INSERT, UPDATE, DELETE ON "evidence_pack", "evidence_pack_file" TO fleet_app;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('evidence_pack', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('evidence_pack_file', 'pack_id IN (SELECT p.id FROM evidence_pack p)')
    ) AS v(name, expr) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format('CREATE POLICY fleet_scope ON %I TO fleet_app USING (%s) WITH CHECK (%s)', t.name, t.expr, t.expr);
  END LOOP;
END
$$;
