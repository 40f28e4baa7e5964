-- saved_view (issue 9, fleet view): a user's named fleet-view queries. Organisation-level data
-- owned by one member: row-level security admits only the caller's organisation, and the
-- repository narrows every statement to the calling user.

-- CreateTable
CREATE TABLE "saved_view" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "query" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_view_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: one view per name and user (saving a name again replaces its query).
CREATE UNIQUE INDEX "saved_view_user_id_name_key" ON "saved_view"("user_id", "name");

-- CreateIndex
CREATE INDEX "saved_view_tenant_id_idx" ON "saved_view"("tenant_id");

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_view" ADD CONSTRAINT "saved_view_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The API's scoped role: its own organisation's rows only (20261227000000_access_model).
GRANT SELECT, INSERT, UPDATE, DELETE ON "saved_view" TO fleet_app;
ALTER TABLE "saved_view" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "saved_view" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
