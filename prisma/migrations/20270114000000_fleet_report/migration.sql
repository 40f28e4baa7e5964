-- Issue 10, "Weekly fleet report": one report per organisation and ISO week, emailed (HTML with a
-- PDF attached) to the organisation's admins and installers. The row is the idempotency key and
-- the resumable queue: the API's runner enqueues last week's report for every installer
-- organisation, sends queued (and failed, up to a limit) rows and marks them sent; a restart
-- resumes where it stopped (a claim is a lease, so a crashed sender's row is taken up again), and
-- a week is never sent twice.

-- CreateTable
CREATE TABLE "fleet_report" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "iso_week" TEXT NOT NULL,
    "period_from" TIMESTAMPTZ(3) NOT NULL,
    "period_to" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "summary" JSONB,
    "recipients" TEXT[] NOT NULL,
    "error" TEXT,
    "lease_until" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),

    CONSTRAINT "fleet_report_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "fleet_report_status" CHECK (status IN ('queued', 'sent', 'failed'))
);

-- CreateIndex
CREATE UNIQUE INDEX "fleet_report_tenant_id_iso_week_key" ON "fleet_report"("tenant_id", "iso_week");

-- AddForeignKey
ALTER TABLE "fleet_report" ADD CONSTRAINT "fleet_report_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

GRANT SELECT, INSERT, UPDATE, DELETE ON "fleet_report" TO fleet_app;

-- Organisation-level: an organisation sees only its own reports.
ALTER TABLE "fleet_report" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "fleet_report" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org()))
  WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
