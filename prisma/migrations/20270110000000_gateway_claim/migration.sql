-- Issue 10 (onboarding): "an installer claims [a gateway] to a site in the web app by scanning or
-- typing the code".
--
-- A claim creates the gateway row: claim_code is the code the installer typed (the hash of the
-- gateway's own NATS user key, `XXXX-XXXX-XXXX`), unique, so a second claim of the same code is
-- refused by the database itself, whichever organisation tries. Gateways registered by id before
-- claims existed keep a null code. claimed_by is the user id of the installer.

-- AlterTable
ALTER TABLE "gateway" ADD COLUMN "claim_code" TEXT,
ADD COLUMN "claimed_at" TIMESTAMPTZ(3),
ADD COLUMN "claimed_by" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "gateway_claim_code_key" ON "gateway"("claim_code");
