-- Issue 10 (onboarding): topology discovery, confirmation, identity by serial.
--
--   * bms_string.bms_serial: the BMS serial where a reader reports one (never invented). Unique per
--     gateway, so a string seen again under another (bus, address) resolves to the same row and
--     keeps its history (ingest renumbers it and records a `renumbered` bms_event).
--   * topology_report: the latest `topology` event per gateway and bus as received (what answered).
--   * topology_confirmation: what the installer confirmed was installed, with who and when;
--     append-only (the newest row per site is the current one), part of the site's warranty record.

-- AlterTable
ALTER TABLE "bms_string" ADD COLUMN "bms_serial" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "bms_string_gateway_id_bms_serial_key" ON "bms_string"("gateway_id", "bms_serial");

-- CreateTable
CREATE TABLE "topology_report" (
    "gateway_id" TEXT NOT NULL,
    "bus" TEXT NOT NULL,
    "site_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "reported_at" TIMESTAMPTZ(3) NOT NULL,
    "received_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "msg_id" TEXT NOT NULL,
    "body" JSONB NOT NULL,

    CONSTRAINT "topology_report_pkey" PRIMARY KEY ("gateway_id", "bus")
);

-- CreateIndex
CREATE INDEX "topology_report_site_id_idx" ON "topology_report"("site_id");

-- CreateTable
CREATE TABLE "topology_confirmation" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "confirmed_by" TEXT NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expected" JSONB NOT NULL,
    "note" TEXT,

    CONSTRAINT "topology_confirmation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "topology_confirmation_site_id_confirmed_at_idx" ON "topology_confirmation"("site_id", "confirmed_at");

-- AddForeignKey
ALTER TABLE "topology_report" ADD CONSTRAINT "topology_report_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "gateway"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "topology_report" ADD CONSTRAINT "topology_report_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "topology_confirmation" ADD CONSTRAINT "topology_confirmation_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "topology_confirmation" ADD CONSTRAINT "topology_confirmation_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "topology_report", "topology_confirmation" TO fleet_app;

-- Site-level data: visible exactly where its gateway / site is (docs/access.md). Confirmations are
-- written only by the managing organisation (the API also checks the tenant).
ALTER TABLE "topology_report" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "topology_report" TO fleet_app
  USING (gateway_id IN (SELECT g.id FROM gateway g))
  WITH CHECK (gateway_id IN (SELECT g.id FROM gateway g));
ALTER TABLE "topology_confirmation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "topology_confirmation" TO fleet_app
  USING (site_id IN (SELECT s.id FROM site s))
  WITH CHECK (site_id IN (SELECT s.id FROM site s) AND tenant_id = (SELECT fleet_scope_org()));
