-- Issue 8: who may see which site, in the database itself.
--
-- The model (docs/access.md): an organisation (tenant) is an installer company, a distributor or a
-- support desk. Its members have one role. An installer organisation manages sites (site.tenant_id);
-- a customer's owner account is a member of the installer organisation with role `owner` and sees
-- only the sites it was invited to (site_member); a support desk sees a site only while a
-- support_grant from the managing organisation is active (not expired, not revoked).
--
-- Row-level security backs the repository layer's scope filter: the API runs every tenant-scoped
-- statement as role fleet_app inside a transaction that first sets fleet.org_id (the organisation
-- whose sites the caller manages, empty for owners and support) and fleet.site_ids (the sites the
-- caller reaches through site_member or a support grant). The policies below admit only rows of
-- that scope, so a repository call that forgot its filter still returns nothing foreign.
-- Ingest, the notification worker and the migrator connect as the tables' owner and are not
-- subject to these policies (they serve every tenant by design).

-- CreateEnum
CREATE TYPE "OrgKind" AS ENUM ('installer', 'distributor', 'support_desk');

-- AlterTable
ALTER TABLE "tenant" ADD COLUMN "kind" "OrgKind" NOT NULL DEFAULT 'installer';

-- CreateTable
CREATE TABLE "site_member" (
    "site_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_member_pkey" PRIMARY KEY ("site_id","user_id")
);

-- CreateTable
CREATE TABLE "support_grant" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "grantee_tenant_id" UUID NOT NULL,
    "granted_by" TEXT NOT NULL,
    "note" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    "revoked_by" TEXT,

    CONSTRAINT "support_grant_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "site_member_user_id_idx" ON "site_member"("user_id");

-- CreateIndex
CREATE INDEX "support_grant_grantee_tenant_id_expires_at_idx" ON "support_grant"("grantee_tenant_id", "expires_at");

-- CreateIndex
CREATE INDEX "support_grant_site_id_idx" ON "support_grant"("site_id");

-- AddForeignKey
ALTER TABLE "site_member" ADD CONSTRAINT "site_member_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_member" ADD CONSTRAINT "site_member_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_grant" ADD CONSTRAINT "support_grant_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_grant" ADD CONSTRAINT "support_grant_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "support_grant" ADD CONSTRAINT "support_grant_grantee_tenant_id_fkey" FOREIGN KEY ("grantee_tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The role the API's scoped transactions run as (SET LOCAL ROLE fleet_app). Roles are cluster-wide
-- while test databases come and go in parallel, hence IF NOT EXISTS and the duplicate_object catch.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'fleet_app') THEN
    CREATE ROLE fleet_app NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
  NULL;
END
$$;

GRANT USAGE ON SCHEMA public TO fleet_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fleet_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO fleet_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO fleet_app;
-- Tables of later migrations (created by the same migrating role) get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fleet_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO fleet_app;
DO $$
BEGIN
  -- TimescaleDB keeps chunks in its own schemas; the API reads hypertables through the parent,
  -- but the chunk tables must be readable by the role too.
  IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'timescaledb') THEN
    EXECUTE 'GRANT USAGE ON SCHEMA _timescaledb_internal TO fleet_app';
    EXECUTE 'GRANT SELECT ON ALL TABLES IN SCHEMA _timescaledb_internal TO fleet_app';
    EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA _timescaledb_internal GRANT SELECT ON TABLES TO fleet_app';
  END IF;
END
$$;

-- The caller's scope, as the API set it for this transaction. Unset or empty means "nothing":
-- a forgotten set_config denies, it never opens.
CREATE OR REPLACE FUNCTION fleet_scope_org() RETURNS uuid
LANGUAGE sql STABLE PARALLEL SAFE
AS $fn$ SELECT nullif(current_setting('fleet.org_id', true), '')::uuid $fn$;

CREATE OR REPLACE FUNCTION fleet_scope_sites() RETURNS uuid[]
LANGUAGE sql STABLE PARALLEL SAFE
AS $fn$ SELECT coalesce(nullif(current_setting('fleet.site_ids', true), '')::uuid[], '{}'::uuid[]) $fn$;

-- One policy per tenant table, for fleet_app only. Tables with a site column admit the managing
-- organisation's rows and the granted sites' rows; organisation-level tables only their own.
-- (SELECT fleet_scope_org()) is evaluated once per statement (an init plan), not once per row.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
      ('site', 'tenant_id = (SELECT fleet_scope_org()) OR id = ANY (fleet_scope_sites())'),
      ('gateway', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('bms_string', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('mbms_group', 'site_id IN (SELECT s.id FROM site s)'),
      ('alarm', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('alarm_transition', 'alarm_id IN (SELECT a.id FROM alarm a)'),
      ('alarm_rule_set', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('maintenance_window', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('string_latest', 'string_id IN (SELECT b.id FROM bms_string b)'),
      ('support_grant', 'tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites())'),
      ('site_member', 'site_id IN (SELECT s.id FROM site s)'),
      ('notification_channel', 'tenant_id = (SELECT fleet_scope_org())'),
      ('notification_delivery', 'tenant_id = (SELECT fleet_scope_org()) OR alarm_id IN (SELECT a.id FROM alarm a)')
    ) AS v(name, expr) LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.name);
    EXECUTE format('CREATE POLICY fleet_scope ON %I TO fleet_app USING (%s) WITH CHECK (%s)', t.name, t.expr, t.expr);
  END LOOP;
END
$$;
