-- Issue 9, "Warranty life": warranty terms as data an organisation admin enters, a site's
-- warranty region and a string's install (commissioning) record.
--
--   * warranty_terms: one row per organisation, product (module type, optionally a BMS model),
--     region and valid_from. The published manufacturer terms were not available to us, so the
--     project ships none: every number here is typed in by an admin from the manufacturer's
--     documents, and `source` says which document. Units are in the column names: the
--     throughput cap is MWh per kWh of the string's nominal capacity (a string of n modules gets
--     n × module kWh × this), temperatures are 0.1 °C like the rollups, cell voltages mV.
--   * site.warranty_region: the region code (e.g. EU, DE, AU) whose terms apply to the site's strings.
--   * string_commissioning: when and by whom a string was put into service; the warranty clock
--     starts there.

-- AlterTable
ALTER TABLE "site" ADD COLUMN "warranty_region" TEXT;

-- CreateTable
CREATE TABLE "warranty_terms" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "module_type" "ModuleType" NOT NULL,
    "bms_model" TEXT,
    "region" TEXT NOT NULL,
    "term_years" INTEGER NOT NULL,
    "throughput_mwh_per_kwh" DOUBLE PRECISION,
    "retained_capacity_pct" DOUBLE PRECISION,
    "cell_temp_min_dc" INTEGER,
    "cell_temp_max_dc" INTEGER,
    "cell_voltage_min_mv" INTEGER,
    "cell_voltage_max_mv" INTEGER,
    "max_c_rate" DOUBLE PRECISION,
    "max_current_a" DOUBLE PRECISION,
    "valid_from" DATE NOT NULL,
    "source" TEXT NOT NULL,
    "notes" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_by" TEXT NOT NULL,

    CONSTRAINT "warranty_terms_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "string_commissioning" (
    "string_id" UUID NOT NULL,
    "commissioned_at" TIMESTAMPTZ(3) NOT NULL,
    "commissioned_by" TEXT NOT NULL,
    "notes" TEXT,
    "recorded_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "string_commissioning_pkey" PRIMARY KEY ("string_id")
);

-- CreateIndex
-- The terms lookup of a string: its organisation, module type and region.
CREATE INDEX "warranty_terms_tenant_id_module_type_region_idx" ON "warranty_terms"("tenant_id", "module_type", "region");

-- AddForeignKey
ALTER TABLE "warranty_terms" ADD CONSTRAINT "warranty_terms_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "string_commissioning" ADD CONSTRAINT "string_commissioning_string_id_fkey" FOREIGN KEY ("string_id") REFERENCES "bms_string"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Sanity limits the API checks too; the database refuses nonsense from any other writer.
ALTER TABLE "warranty_terms" ADD CONSTRAINT "warranty_terms_ranges" CHECK (
  term_years BETWEEN 1 AND 40
  AND (throughput_mwh_per_kwh IS NULL OR throughput_mwh_per_kwh > 0)
  AND (retained_capacity_pct IS NULL OR retained_capacity_pct > 0 AND retained_capacity_pct <= 100)
  AND (cell_temp_min_dc IS NULL OR cell_temp_max_dc IS NULL OR cell_temp_min_dc < cell_temp_max_dc)
  AND (cell_voltage_min_mv IS NULL OR cell_voltage_max_mv IS NULL OR cell_voltage_min_mv < cell_voltage_max_mv)
  AND (max_c_rate IS NULL OR max_c_rate > 0)
  AND (max_current_a IS NULL OR max_current_a > 0)
);

GRANT SELECT, INSERT, UPDATE, DELETE ON "warranty_terms", "string_commissioning" TO fleet_app;

-- Row-level security (docs/access.md). Terms are organisation-level: the API's role writes only
-- its own organisation's. It reads those, plus the terms of the organisations managing a site in
-- its scope (an owner or a support desk sees the terms its string's warranty is judged by).
-- Policies of one command are OR-ed, so the read policy widens SELECT only.
ALTER TABLE "warranty_terms" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "warranty_terms" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org()))
  WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
CREATE POLICY fleet_scope_read ON "warranty_terms" FOR SELECT TO fleet_app
  USING (tenant_id IN (SELECT s.tenant_id FROM site s));

-- Site-level data: visible exactly where its string is.
ALTER TABLE "string_commissioning" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "string_commissioning" TO fleet_app
  USING (string_id IN (SELECT b.id FROM bms_string b))
  WITH CHECK (string_id IN (SELECT b.id FROM bms_string b));
