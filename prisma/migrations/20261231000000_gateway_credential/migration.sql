-- Issue 8: "gateways (register, rotate credentials, provision ... NATS credentials)".
--
-- One row per NATS user key ever issued to a gateway. The API hands the user JWT and its seed to
-- the caller once and keeps neither: only the user's public key, when it was issued and by whom.
-- Issuing again (rotation) sets revoked_at on the gateway's active key in the same transaction;
-- the revoked keys are what goes into the account JWT's `revocations` (docs/access.md
-- "Gateway credentials"). tenant_id and site_id are the gateway's, copied so the row-level
-- policy reads like the other site tables.

-- CreateTable
CREATE TABLE "gateway_credential" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "gateway_id" TEXT NOT NULL,
    "user_public_key" TEXT NOT NULL,
    "issued_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issued_by" TEXT NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "gateway_credential_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gateway_credential_user_public_key_key" ON "gateway_credential"("user_public_key");

-- CreateIndex
CREATE INDEX "gateway_credential_gateway_id_issued_at_idx" ON "gateway_credential"("gateway_id", "issued_at");

-- CreateIndex
CREATE INDEX "gateway_credential_tenant_id_idx" ON "gateway_credential"("tenant_id");

-- AddForeignKey
ALTER TABLE "gateway_credential" ADD CONSTRAINT "gateway_credential_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway_credential" ADD CONSTRAINT "gateway_credential_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "gateway"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Like gateway: the managing organisation's rows and the granted sites' rows, for the API's role.
ALTER TABLE "gateway_credential" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "gateway_credential" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites()))
  WITH CHECK (tenant_id = (SELECT fleet_scope_org()) OR site_id = ANY (fleet_scope_sites()));
