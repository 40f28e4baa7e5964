// The alarm lifecycle event (`alarm.v1.<tenantId>.<siteId>`, stream ALARMS): one message per
// transition of one alarm. The fan-out (email, webhook, push) and live views consume it; the
// alarm table and its audit trail are the record, this is the notice. Dedupe id:
// `<alarmId>:<seq>` (seq counts the alarm's transitions, so a replayed transition is dropped).
import { z } from 'zod';

export const ALARM_EVENT_SCHEMA = 'alarm.evt/1';

export const alarmSeverities = ['critical', 'major', 'warning', 'info'] as const;
export type AlarmSeverity = (typeof alarmSeverities)[number];

export const alarmStatuses = ['open', 'acknowledged', 'resolved', 'closed'] as const;
export type AlarmStatus = (typeof alarmStatuses)[number];

/** What happened to the alarm. `fired` opens it; `repeated` bumps its count. */
export const alarmTransitions = [
  'fired',
  'repeated',
  'severity-changed',
  'acknowledged',
  'assigned',
  'commented',
  'escalated',
  'flapping-started',
  'flapping-ended',
  'resolved',
  'reopened',
  'closed',
] as const;
export type AlarmTransition = (typeof alarmTransitions)[number];

export const alarmEventSchema = z.object({
  schema: z.literal(ALARM_EVENT_SCHEMA),
  /** UUID of the alarm (one per condition per string while it is not closed). */
  alarmId: z.uuid(),
  /** Monotonic per alarm, from 1: the transition's number. */
  seq: z.number().int().min(1),
  tenantId: z.uuid(),
  siteId: z.uuid(),
  stringId: z.uuid().nullable(),
  gatewayId: z.string().nullable(),
  /** Catalogue or derived code, e.g. `hv.protection.cell_high_voltage`, `derived.cell_imbalance`. */
  code: z.string().min(1).max(120),
  title: z.string().min(1).max(200),
  severity: z.enum(alarmSeverities),
  transition: z.enum(alarmTransitions),
  /** Status after the transition. */
  status: z.enum(alarmStatuses),
  /** How many times the condition has fired while the alarm was open. */
  count: z.number().int().min(1),
  flapping: z.boolean(),
  /** False while a maintenance window or snooze holds notifications (the alarm is still recorded). */
  notify: z.boolean(),
  /** Who caused the transition: a user id, or `system` for rule evaluation. */
  actor: z.string().min(1).max(120),
  at: z.iso.datetime({ offset: true }),
  /** Transition details (comment text, assignee, measured value, raw words). */
  detail: z.record(z.string(), z.unknown()).default({}),
});

export type AlarmEvent = z.infer<typeof alarmEventSchema>;

export function alarmEventMessageId(event: Pick<AlarmEvent, 'alarmId' | 'seq'>): string {
  return `${event.alarmId}:${event.seq}`;
}
