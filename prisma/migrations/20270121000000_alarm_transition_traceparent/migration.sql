-- Trace context of an alarm event (issue 11): the W3C traceparent of the evaluation that wrote the
-- transition (ingest's `alarm evaluate` span, a child of the telemetry message's trace), so the
-- outbox relay publishes the event with it as the NATS header and the notification worker continues
-- the trace of the sample that raised the alarm. Null for transitions written outside a traced
-- message (the sweep, heartbeats, the API's own, rows written before this column).

-- AlterTable
ALTER TABLE "alarm_transition" ADD COLUMN "traceparent" TEXT;
