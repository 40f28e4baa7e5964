-- Issue 8: "every change and every support access is recorded (who, what, when, from where)".
--
-- One row per recorded API request: every mutating request (POST/PUT/PATCH/DELETE, whatever its
-- outcome) and every request of a support-desk member. `tenant_id` is the organisation whose data
-- the request touched (the target's managing organisation, else the caller's own); `actor_*` is who
-- asked, as resolved on that request. No foreign keys on purpose: the record outlives the users,
-- sites and alarms it names. No bodies, tokens or passwords are ever stored.

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "tenant_id" UUID NOT NULL,
    "actor_user_id" UUID NOT NULL,
    "actor_tenant_id" UUID NOT NULL,
    "actor_role" "Role" NOT NULL,
    "action" TEXT NOT NULL,
    "verb" TEXT NOT NULL,
    "target_type" TEXT,
    "target_id" TEXT,
    "site_id" UUID,
    "status" INTEGER NOT NULL,
    "ip" TEXT,
    "user_agent" TEXT,
    "request_id" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- The organisation's log, newest first (GET /api/audit).
CREATE INDEX "audit_event_tenant_id_at_idx" ON "audit_event"("tenant_id", "at");

-- CreateIndex
-- What the organisation's own members did elsewhere (a support desk's accesses).
CREATE INDEX "audit_event_actor_tenant_id_at_idx" ON "audit_event"("actor_tenant_id", "at");

-- An organisation reads the events about its data and the events of its own members; the API's
-- scoped role sees nothing else, whatever the repository's WHERE says (docs/access.md).
ALTER TABLE "audit_event" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "audit_event" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org()) OR actor_tenant_id = (SELECT fleet_scope_org()))
  WITH CHECK (tenant_id = (SELECT fleet_scope_org()) OR actor_tenant_id = (SELECT fleet_scope_org()));
