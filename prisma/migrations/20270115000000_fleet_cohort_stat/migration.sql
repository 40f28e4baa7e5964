-- fleet_cohort_stat (issue 10, cohorts): each string's SOH fade and cell-spread growth beside its
-- cohort's medians, from the last daily analysis (@fleet/analytics cohortComparisons). One row per
-- string, keyed by the string so the fleet list looks it up by primary key; written by ingest's
-- alarm sweep in the same transaction as fleet_finding (a tenant's rows replaced each day). No
-- row = no daily run yet.

-- CreateTable
CREATE TABLE "fleet_cohort_stat" (
    "string_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "cohort_key" TEXT NOT NULL,
    "cohort_label" TEXT NOT NULL,
    "cohort_size" INTEGER,
    "fade_pct_per_year" DOUBLE PRECISION,
    "cohort_fade_pct_per_year" DOUBLE PRECISION,
    "fade_worse" BOOLEAN NOT NULL,
    "spread_growth_mv_per_month" DOUBLE PRECISION,
    "cohort_spread_growth_mv_per_month" DOUBLE PRECISION,
    "spread_worse" BOOLEAN NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "fleet_cohort_stat_pkey" PRIMARY KEY ("string_id")
);

-- CreateIndex
CREATE INDEX "fleet_cohort_stat_tenant_id_idx" ON "fleet_cohort_stat"("tenant_id");

-- AddForeignKey
ALTER TABLE "fleet_cohort_stat" ADD CONSTRAINT "fleet_cohort_stat_string_id_fkey" FOREIGN KEY ("string_id") REFERENCES "bms_string"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fleet_cohort_stat" ADD CONSTRAINT "fleet_cohort_stat_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The API's scoped role only reads (20261227000000_access_model). A row admits the caller whose
-- organisation owns it (tenant_id is its string's: ingest writes a tenant's strings only) without
-- a look at bms_string, so the fleet list's primary-key probes stay probes; a caller with site
-- grants gets the rows of the strings it may see, as for string_latest.
GRANT SELECT ON "fleet_cohort_stat" TO fleet_app;
ALTER TABLE "fleet_cohort_stat" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "fleet_cohort_stat" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org()) OR string_id IN (SELECT b.id FROM bms_string b));
