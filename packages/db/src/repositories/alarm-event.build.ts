import { ALARM_EVENT_SCHEMA, type AlarmEvent, alarmEventSchema, subjects } from '@fleet/telemetry';
import type { AlarmRow, TransitionInput } from './alarm.types.js';

/**
 * The alarm.evt/1 message of a transition, from the alarm row as it is after it. Parsed with the
 * contract's schema, so a row that cannot make a valid event fails the transaction (a bug), never
 * reaches the fan-out.
 */
export function buildAlarmEvent(
  alarm: AlarmRow,
  input: TransitionInput,
): { subject: string; event: AlarmEvent } {
  const event = alarmEventSchema.parse({
    schema: ALARM_EVENT_SCHEMA,
    alarmId: alarm.id,
    seq: alarm.seq,
    tenantId: alarm.tenantId,
    siteId: alarm.siteId,
    stringId: alarm.stringId,
    gatewayId: alarm.gatewayId,
    code: alarm.code,
    title: alarm.title,
    severity: alarm.severity,
    transition: input.transition,
    status: alarm.status,
    count: Math.max(1, alarm.count),
    flapping: alarm.flapping,
    notify: input.notify,
    actor: input.actor,
    at: input.at.toISOString(),
    detail: input.detail ?? {},
  });
  return { subject: subjects.alarm(alarm.tenantId, alarm.siteId), event };
}
