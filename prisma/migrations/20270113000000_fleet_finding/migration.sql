-- fleet_finding (issue 10, fleet intelligence): the early-warning findings of the last daily
-- analysis (@fleet/analytics analyseFleet), one row per string and kind. Written by ingest's
-- alarm sweep, which replaces a tenant's rows in one transaction and raises a low-severity alarm
-- per row; read by the API (fleet page, string page). Row-level security admits a row whose string
-- the caller may see, as for string_latest.

-- CreateTable
CREATE TABLE "fleet_finding" (
    "string_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "is_primary" BOOLEAN NOT NULL,
    "evidence" JSONB NOT NULL,
    "chart_field" TEXT NOT NULL,
    "explanation" TEXT NOT NULL,
    "cohort" TEXT NOT NULL,
    "found_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fleet_finding_pkey" PRIMARY KEY ("string_id","kind")
);

-- CreateIndex
CREATE INDEX "fleet_finding_tenant_id_idx" ON "fleet_finding"("tenant_id");

-- AddForeignKey
ALTER TABLE "fleet_finding" ADD CONSTRAINT "fleet_finding_string_id_fkey" FOREIGN KEY ("string_id") REFERENCES "bms_string"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fleet_finding" ADD CONSTRAINT "fleet_finding_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The API's scoped role only reads (20261227000000_access_model).
GRANT SELECT ON "fleet_finding" TO fleet_app;
ALTER TABLE "fleet_finding" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "fleet_finding" TO fleet_app
  USING (string_id IN (SELECT b.id FROM bms_string b));
