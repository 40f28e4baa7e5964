-- Issue 8, accounts: invitations, password reset by email, an optional TOTP second factor and
-- API keys per organisation (docs/access.md "Accounts").
--
-- Every token a person or a program presents is stored only as a SHA-256 hash: the tokens are
-- 32 random bytes, so a fast hash is enough (nothing to brute-force), and a database dump alone
-- opens no account. The TOTP secret must be readable to check codes, so it is sealed with
-- AES-256-GCM by the API (key from config) before it is stored.

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN "sessions_valid_after" TIMESTAMPTZ(3),
ADD COLUMN "totp_secret" TEXT,
ADD COLUMN "totp_enabled_at" TIMESTAMPTZ(3),
ADD COLUMN "totp_last_step" BIGINT;

-- CreateTable
CREATE TABLE "invitation" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "site_ids" UUID[] NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),

    CONSTRAINT "invitation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "password_reset" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "used_at" TIMESTAMPTZ(3),

    CONSTRAINT "password_reset_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_key" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "scopes" TEXT[] NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_key_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "invitation_token_hash_key" ON "invitation"("token_hash");

-- CreateIndex
CREATE INDEX "invitation_tenant_id_expires_at_idx" ON "invitation"("tenant_id", "expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "password_reset_token_hash_key" ON "password_reset"("token_hash");

-- CreateIndex
CREATE INDEX "password_reset_user_id_idx" ON "password_reset"("user_id");

-- CreateIndex
CREATE INDEX "api_key_tenant_id_idx" ON "api_key"("tenant_id");

-- AddForeignKey
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_key" ADD CONSTRAINT "api_key_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Organisation-level tables: the API's scoped role sees only the caller's organisation's rows.
ALTER TABLE "invitation" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "invitation" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));
ALTER TABLE "api_key" ENABLE ROW LEVEL SECURITY;
CREATE POLICY fleet_scope ON "api_key" TO fleet_app
  USING (tenant_id = (SELECT fleet_scope_org())) WITH CHECK (tenant_id = (SELECT fleet_scope_org()));

-- Reset tokens belong to no organisation and are only ever used by public routes, which run on the
-- system connection: the scoped role gets no access at all (the default privileges granted it some).
REVOKE ALL ON "password_reset" FROM fleet_app;
ALTER TABLE "password_reset" ENABLE ROW LEVEL SECURITY;
