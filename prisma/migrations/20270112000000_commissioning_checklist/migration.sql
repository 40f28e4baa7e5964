-- Issue 10, "Commissioning checklist": what the site page's checklist reads and what completing
-- it stores.
--
--   * gateway_heartbeat gains the broker's receive time of the latest heartbeat (the gateway
--     clock's skew is `at - received_at`) and the heartbeat before it (`prev_at`, `prev_bus`), so
--     the bus check judges the error counters' delta over the last interval, not since boot.
--     The API reads heartbeats now, so they come under row-level security through their gateway.
--   * site_commissioning: one completed checklist per site, the site's commissioning record in
--     its warranty file: when, by whom (user id and name), the checklist snapshot with each
--     item's evidence and time, and the BMS and module serials present at completion.

ALTER TABLE gateway_heartbeat ADD COLUMN received_at timestamptz;
ALTER TABLE gateway_heartbeat ADD COLUMN prev_at timestamptz;
ALTER TABLE gateway_heartbeat ADD COLUMN prev_bus jsonb;

ALTER TABLE gateway_heartbeat ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON gateway_heartbeat TO fleet_app
  USING (gateway_id IN (SELECT g.id FROM gateway g))
  WITH CHECK (gateway_id IN (SELECT g.id FROM gateway g));

-- CreateTable
CREATE TABLE "site_commissioning" (
    "site_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "completed_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_by" TEXT NOT NULL,
    "installer_name" TEXT NOT NULL,
    "checklist" JSONB NOT NULL,
    "serials" JSONB NOT NULL,

    CONSTRAINT "site_commissioning_pkey" PRIMARY KEY ("site_id")
);

-- AddForeignKey
ALTER TABLE "site_commissioning" ADD CONSTRAINT "site_commissioning_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "site_commissioning" TO fleet_app;

-- Written only by the managing organisation; read wherever the site is visible.
ALTER TABLE "site_commissioning" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "site_commissioning" TO fleet_app
  USING (site_id IN (SELECT s.id FROM site s))
  WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
