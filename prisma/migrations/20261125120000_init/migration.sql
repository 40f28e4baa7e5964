-- Relational model of schema.prisma, written by hand in the shape `prisma migrate diff` emits
-- (the migration engine is a binary download these machines cannot make). The schema-drift
-- test compares this with schema.prisma.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('org_admin', 'installer', 'technician', 'support', 'owner');

-- CreateEnum
CREATE TYPE "ModuleType" AS ENUM ('H48050', 'H48074', 'OTHER');

-- CreateTable
CREATE TABLE "tenant" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tenant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "site" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "address" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "site_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gateway" (
    "id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3),

    CONSTRAINT "gateway_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mbms_group" (
    "id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "serial" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "mbms_group_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "bms_string" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "gateway_id" TEXT NOT NULL,
    "mbms_group_id" UUID,
    "bus" TEXT NOT NULL,
    "bms_address" SMALLINT NOT NULL,
    "name" TEXT NOT NULL,
    "module_type" "ModuleType" NOT NULL DEFAULT 'H48050',
    "module_count" SMALLINT,
    "cells_per_module" SMALLINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_sample_at" TIMESTAMPTZ(3),

    CONSTRAINT "bms_string_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ingest_batch" (
    "msg_id" TEXT NOT NULL,
    "gateway_id" TEXT NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "stored_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ingest_batch_pkey" PRIMARY KEY ("msg_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "tenant_slug_key" ON "tenant"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_tenant_id_idx" ON "app_user"("tenant_id");

-- CreateIndex
CREATE INDEX "site_tenant_id_idx" ON "site"("tenant_id");

-- CreateIndex
CREATE INDEX "gateway_tenant_id_idx" ON "gateway"("tenant_id");

-- CreateIndex
CREATE INDEX "gateway_site_id_idx" ON "gateway"("site_id");

-- CreateIndex
CREATE INDEX "mbms_group_site_id_idx" ON "mbms_group"("site_id");

-- CreateIndex
CREATE INDEX "bms_string_tenant_id_idx" ON "bms_string"("tenant_id");

-- CreateIndex
CREATE INDEX "bms_string_site_id_idx" ON "bms_string"("site_id");

-- CreateIndex
CREATE UNIQUE INDEX "bms_string_gateway_id_bus_bms_address_key" ON "bms_string"("gateway_id", "bus", "bms_address");

-- CreateIndex
CREATE INDEX "ingest_batch_stored_at_idx" ON "ingest_batch"("stored_at");

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "site" ADD CONSTRAINT "site_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway" ADD CONSTRAINT "gateway_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gateway" ADD CONSTRAINT "gateway_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mbms_group" ADD CONSTRAINT "mbms_group_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bms_string" ADD CONSTRAINT "bms_string_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bms_string" ADD CONSTRAINT "bms_string_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bms_string" ADD CONSTRAINT "bms_string_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "gateway"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "bms_string" ADD CONSTRAINT "bms_string_mbms_group_id_fkey" FOREIGN KEY ("mbms_group_id") REFERENCES "mbms_group"("id") ON DELETE SET NULL ON UPDATE CASCADE;
