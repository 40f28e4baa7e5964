-- Alarms (issue 7, second part): the alarm record with its lifecycle, the audit trail that is
-- also the event outbox, the evaluator's per-(subject, rule) state, rule overrides per tenant and
-- site, and maintenance windows. Written by hand in the shape `prisma migrate diff` emits; the
-- schema-drift test compares it with schema.prisma.
--
-- A "subject" is what an alarm is about: `string:<bms_string.id>` or `gateway:<gateway.id>`
-- (subject_key), so one partial unique index covers both kinds.

-- CreateEnum
CREATE TYPE "AlarmSeverity" AS ENUM ('critical', 'major', 'warning', 'info');

-- CreateEnum
CREATE TYPE "AlarmStatus" AS ENUM ('open', 'acknowledged', 'resolved', 'closed');

-- CreateTable
CREATE TABLE "alarm" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "string_id" UUID,
    "gateway_id" TEXT,
    "subject_key" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" "AlarmSeverity" NOT NULL,
    "status" "AlarmStatus" NOT NULL DEFAULT 'open',
    "count" INTEGER NOT NULL DEFAULT 1,
    "flapping" BOOLEAN NOT NULL DEFAULT false,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "first_fired_at" TIMESTAMPTZ(3) NOT NULL,
    "last_fired_at" TIMESTAMPTZ(3) NOT NULL,
    "resolved_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),
    "assignee_id" UUID,
    "acknowledged_by" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "escalation_level" INTEGER NOT NULL DEFAULT 0,
    "escalated_at" TIMESTAMPTZ(3),
    "snoozed_until" TIMESTAMPTZ(3),
    "last_value" DOUBLE PRECISION,
    "raw_words" JSONB,
    "cell_snapshot_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alarm_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alarm_transition" (
    "alarm_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "transition" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "detail" JSONB NOT NULL,
    "subject" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "published_at" TIMESTAMPTZ(3),

    CONSTRAINT "alarm_transition_pkey" PRIMARY KEY ("alarm_id", "seq")
);

-- CreateTable
CREATE TABLE "alarm_rule_state" (
    "subject_key" TEXT NOT NULL,
    "rule_id" TEXT NOT NULL,
    "tenant_id" UUID NOT NULL,
    "state" JSONB NOT NULL,
    "last_observation" JSONB,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alarm_rule_state_pkey" PRIMARY KEY ("subject_key", "rule_id")
);

-- CreateTable
CREATE TABLE "alarm_rule_set" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID,
    "scope_key" TEXT NOT NULL,
    "rules" JSONB NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_by" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "alarm_rule_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "maintenance_window" (
    "id" UUID NOT NULL,
    "tenant_id" UUID NOT NULL,
    "site_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "created_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "maintenance_window_pkey" PRIMARY KEY ("id")
);

-- CreateIndex: ONE alarm that is not closed per (subject, code). Partial (Prisma's @@unique
-- cannot carry the predicate; the drift test compares columns and uniqueness only).
CREATE UNIQUE INDEX "alarm_subject_key_code_key" ON "alarm"("subject_key", "code") WHERE "status" <> 'closed';

-- CreateIndex
CREATE INDEX "alarm_tenant_id_last_fired_at_idx" ON "alarm"("tenant_id", "last_fired_at");

-- CreateIndex
CREATE INDEX "alarm_site_id_idx" ON "alarm"("site_id");

-- CreateIndex
CREATE INDEX "alarm_string_id_idx" ON "alarm"("string_id");

-- CreateIndex: the outbox relay's queue (partial: only rows not yet published).
CREATE INDEX "alarm_transition_published_at_idx" ON "alarm_transition"("published_at") WHERE "published_at" IS NULL;

-- CreateIndex
CREATE INDEX "alarm_rule_state_tenant_id_idx" ON "alarm_rule_state"("tenant_id");

-- CreateIndex
CREATE UNIQUE INDEX "alarm_rule_set_tenant_id_scope_key_key" ON "alarm_rule_set"("tenant_id", "scope_key");

-- CreateIndex
CREATE INDEX "maintenance_window_site_id_ends_at_idx" ON "maintenance_window"("site_id", "ends_at");

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_string_id_fkey" FOREIGN KEY ("string_id") REFERENCES "bms_string"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_gateway_id_fkey" FOREIGN KEY ("gateway_id") REFERENCES "gateway"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm" ADD CONSTRAINT "alarm_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_transition" ADD CONSTRAINT "alarm_transition_alarm_id_fkey" FOREIGN KEY ("alarm_id") REFERENCES "alarm"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_rule_state" ADD CONSTRAINT "alarm_rule_state_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_rule_set" ADD CONSTRAINT "alarm_rule_set_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alarm_rule_set" ADD CONSTRAINT "alarm_rule_set_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_window" ADD CONSTRAINT "maintenance_window_tenant_id_fkey" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "maintenance_window" ADD CONSTRAINT "maintenance_window_site_id_fkey" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE CASCADE ON UPDATE CASCADE;
