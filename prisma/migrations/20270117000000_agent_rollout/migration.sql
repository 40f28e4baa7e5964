-- Agent updates (issue 11): staged rollout of a signed agent release by site group. An
-- organisation admin names groups of its sites, then a rollout (version + signed manifest URL)
-- whose ordered stages are those groups; stages 1..open_stages are open while the rollout is
-- active. A gateway asks GET /api/gateways/{id}/update and gets the manifest only when its site is
-- in an open stage. Organisation-level data: row-level security admits the caller's organisation.

-- CreateTable
CREATE TABLE "site_group" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site_group_member" (
    "site_group_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,

    CONSTRAINT "site_group_member_pkey" PRIMARY KEY ("site_group_id","site_id")
);

-- CreateTable
CREATE TABLE "agent_rollout" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "version" TEXT NOT NULL,
    "manifest_url" TEXT NOT NULL,
    "bundle_url" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'active',
    "open_stages" INTEGER NOT NULL DEFAULT 1,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "agent_rollout_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "agent_rollout_state_check" CHECK ("state" IN ('active', 'paused')),
    CONSTRAINT "agent_rollout_open_stages_check" CHECK ("open_stages" >= 1)
);

-- CreateTable
CREATE TABLE "agent_rollout_stage" (
    "rollout_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "site_group_id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,

    CONSTRAINT "agent_rollout_stage_pkey" PRIMARY KEY ("rollout_id","position")
);

-- CreateIndex: one group per name in an organisation.
CREATE UNIQUE INDEX "site_group_tenant_id_name_key" ON "site_group"("tenant_id", "name");

-- CreateIndex: the gateway's question starts from its site.
CREATE INDEX "site_group_member_site_id_idx" ON "site_group_member"("site_id");

-- CreateIndex
CREATE INDEX "agent_rollout_tenant_id_created_at_idx" ON "agent_rollout"("tenant_id", "created_at");

-- CreateIndex
CREATE INDEX "agent_rollout_stage_site_group_id_idx" ON "agent_rollout_stage"("site_group_id");

-- AddForeignKey
ALTER TABLE "site_group" ADD CONSTRAINT "site_group_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_group_member" ADD CONSTRAINT "site_group_member_site_group_id_fkey" FOREIGN KEY ("site_group_id") REFERENCES "site_group"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site_group_member" ADD CONSTRAINT "site_group_member_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_rollout" ADD CONSTRAINT "agent_rollout_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_rollout_stage" ADD CONSTRAINT "agent_rollout_stage_rollout_id_fkey" FOREIGN KEY ("rollout_id") REFERENCES "agent_rollout"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "agent_rollout_stage" ADD CONSTRAINT "agent_rollout_stage_site_group_id_fkey" FOREIGN KEY ("site_group_id") REFERENCES "site_group"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The API's scoped role: its own organisation's rows only (20261227000000_access_model). The
-- members and stages carry tenant_id so the same one-column policy covers them.
GRANT SELECT, INSERT, UPDATE, DELETE ON "site_group", "site_group_member", "agent_rollout", "agent_rollout_stage" TO fleet_app;
ALTER TABLE "site_group" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "site_group_member" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "agent_rollout" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "agent_rollout_stage" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "site_group" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
CREATE POLICY fleet_scope ON "site_group_member" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
CREATE POLICY fleet_scope ON "agent_rollout" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
CREATE POLICY fleet_scope ON "agent_rollout_stage" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
