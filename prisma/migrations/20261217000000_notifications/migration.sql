-- Notification fan-out (issue 7): channels of a tenant, each person's preferences and Web Push
-- subscriptions, one delivery row per (alarm event, channel, recipient) and one attempt row per
-- try. Written by hand in the shape `prisma migrate diff` emits; the schema-drift test compares
-- it with schema.prisma. Tables only, no time series: a delivery lives as long as its tenant.

-- CreateEnum
CREATE TYPE "NotificationChannelKind" AS ENUM ('email', 'webhook', 'webpush');

-- CreateEnum
-- held: kept for the person's daily digest (quiet hours), sent by the digest job, not the scheduler.
CREATE TYPE "NotificationDeliveryStatus" AS ENUM ('pending', 'sending', 'delivered', 'failed', 'dead', 'held');

-- CreateTable
CREATE TABLE "notification_channel" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "kind" "NotificationChannelKind" NOT NULL,
    "name" TEXT NOT NULL,
    "config" JSONB NOT NULL,
    "secret_enc" TEXT,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_channel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_preference" (
    "user_id" UUID NOT NULL,
    "channel_ids" UUID[] NOT NULL,
    "min_severity" TEXT NOT NULL DEFAULT 'warning',
    "quiet_start" TEXT,
    "quiet_end" TEXT,
    "timezone" TEXT NOT NULL DEFAULT 'UTC',
    "digest_at" TEXT,
    "last_digest_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_preference_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "webpush_subscription" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webpush_subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_delivery" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "channel_id" UUID NOT NULL,
    "event_id" TEXT NOT NULL,
    "alarm_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "recipient" TEXT NOT NULL,
    "user_id" UUID,
    "event" JSONB NOT NULL,
    "status" "NotificationDeliveryStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "notification_delivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "notification_attempt" (
    "id" BIGSERIAL NOT NULL,
    "delivery_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "outcome" TEXT NOT NULL,
    "http_status" INTEGER,
    "response" TEXT,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "notification_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "notification_channel_tenant_id_idx" ON "notification_channel"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "webpush_subscription_endpoint_key" ON "webpush_subscription"("endpoint");

-- CreateIndex
CREATE INDEX "webpush_subscription_user_id_idx" ON "webpush_subscription"("user_id");

-- CreateIndex
-- A redelivered alarm event inserts nothing twice (ON CONFLICT DO NOTHING on this key).
CREATE UNIQUE INDEX "notification_delivery_event_id_channel_id_recipient_key" ON "notification_delivery"("event_id", "channel_id", "recipient");

-- CreateIndex
-- The scheduler's claim: due rows by status and time.
CREATE INDEX "notification_delivery_status_next_attempt_at_idx" ON "notification_delivery"("status", "next_attempt_at");

-- CreateIndex
-- Order per alarm: the earlier-seq check and the inbox list per alarm.
CREATE INDEX "notification_delivery_alarm_id_channel_id_recipient_seq_idx" ON "notification_delivery"("alarm_id", "channel_id", "recipient", "seq");

-- CreateIndex
CREATE INDEX "notification_delivery_user_id_status_idx" ON "notification_delivery"("user_id", "status");

-- CreateIndex
CREATE INDEX "notification_attempt_delivery_id_idx" ON "notification_attempt"("delivery_id");

-- AddForeignKey
ALTER TABLE "notification_channel" ADD CONSTRAINT "notification_channel_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webpush_subscription" ADD CONSTRAINT "webpush_subscription_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_delivery" ADD CONSTRAINT "notification_delivery_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channel"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_attempt" ADD CONSTRAINT "notification_attempt_delivery_id_fkey" FOREIGN KEY ("delivery_id") REFERENCES "notification_delivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;
