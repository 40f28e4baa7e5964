import type { AlarmSeverity, AlarmStatus, AlarmTransition } from '@fleet/telemetry';

/** One row of `alarm`, with the column meanings of schema.prisma (model Alarm). */
export interface AlarmRow {
  id: string;
  tenantId: string;
  siteId: string;
  stringId: string | null;
  gatewayId: string | null;
  /** `string:<id>` or `gateway:<id>`: what the alarm is about. */
  subjectKey: string;
  code: string;
  title: string;
  severity: AlarmSeverity;
  status: AlarmStatus;
  count: number;
  flapping: boolean;
  /** Number of the last transition. */
  seq: number;
  firstFiredAt: Date;
  lastFiredAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  assigneeId: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  escalationLevel: number;
  escalatedAt: Date | null;
  snoozedUntil: Date | null;
  lastValue: number | null;
  rawWords: Record<string, unknown> | null;
  cellSnapshotAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Columns a transition may change (anything else is fixed at creation). */
export type AlarmPatch = Partial<
  Pick<
    AlarmRow,
    | 'severity'
    | 'status'
    | 'count'
    | 'flapping'
    | 'lastFiredAt'
    | 'resolvedAt'
    | 'closedAt'
    | 'assigneeId'
    | 'acknowledgedBy'
    | 'acknowledgedAt'
    | 'escalationLevel'
    | 'escalatedAt'
    | 'snoozedUntil'
    | 'lastValue'
    | 'rawWords'
    | 'cellSnapshotAt'
  >
>;

export interface NewAlarm {
  tenantId: string;
  siteId: string;
  stringId: string | null;
  gatewayId: string | null;
  subjectKey: string;
  code: string;
  title: string;
  severity: AlarmSeverity;
  count: number;
  flapping: boolean;
  firedAt: Date;
  lastValue?: number | null;
  rawWords?: Record<string, unknown> | null;
  cellSnapshotAt?: Date | null;
}

/** What happened, by whom: one audit row and one alarm.evt/1 event. */
export interface TransitionInput {
  transition: AlarmTransition;
  /** A user id, or `system` for rule evaluation and the sweep. */
  actor: string;
  at: Date;
  detail?: Record<string, unknown>;
  /** False while a maintenance window or snooze holds notifications; recorded all the same. */
  notify: boolean;
  /** W3C traceparent of the traced work that caused it (ingest's evaluation of a sample); the event carries it. */
  traceparent?: string;
}

export interface AlarmTransitionRow {
  alarmId: string;
  seq: number;
  transition: AlarmTransition;
  actor: string;
  at: Date;
  detail: Record<string, unknown>;
  notify: boolean;
  publishedAt: Date | null;
}

export function stringSubject(stringId: string): string {
  return `string:${stringId}`;
}

export function gatewaySubject(gatewayId: string): string {
  return `gateway:${gatewayId}`;
}
