import type { AlarmPatch, AlarmRow } from './alarm.types.js';

/** SELECT list of `alarm` as AlarmRow (pg returns timestamptz as Date, jsonb parsed). */
export const ALARM_COLUMNS = `
  a.id, a.tenant_id AS "tenantId", a.site_id AS "siteId", a.string_id AS "stringId",
  a.gateway_id AS "gatewayId", a.subject_key AS "subjectKey", a.code, a.title, a.severity::text AS severity,
  a.status::text AS status, a.count, a.flapping, a.seq, a.first_fired_at AS "firstFiredAt",
  a.last_fired_at AS "lastFiredAt", a.resolved_at AS "resolvedAt", a.closed_at AS "closedAt",
  a.assignee_id AS "assigneeId", a.acknowledged_by AS "acknowledgedBy", a.acknowledged_at AS "acknowledgedAt",
  a.escalation_level AS "escalationLevel", a.escalated_at AS "escalatedAt", a.snoozed_until AS "snoozedUntil",
  a.last_value AS "lastValue", a.raw_words AS "rawWords", a.cell_snapshot_at AS "cellSnapshotAt",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** AlarmPatch field → column and the cast its parameter needs. */
const PATCH_COLUMNS: Record<keyof AlarmPatch, string> = {
  severity: 'severity = $::"AlarmSeverity"',
  status: 'status = $::"AlarmStatus"',
  count: 'count = $::int',
  flapping: 'flapping = $::boolean',
  lastFiredAt: 'last_fired_at = $::timestamptz',
  resolvedAt: 'resolved_at = $::timestamptz',
  closedAt: 'closed_at = $::timestamptz',
  assigneeId: 'assignee_id = $::uuid',
  acknowledgedBy: 'acknowledged_by = $::text',
  acknowledgedAt: 'acknowledged_at = $::timestamptz',
  escalationLevel: 'escalation_level = $::int',
  escalatedAt: 'escalated_at = $::timestamptz',
  snoozedUntil: 'snoozed_until = $::timestamptz',
  lastValue: 'last_value = $::double precision',
  rawWords: 'raw_words = $::jsonb',
  cellSnapshotAt: 'cell_snapshot_at = $::timestamptz',
};

/** `col = $n` assignments of a patch, numbered from `first`, with their values. */
export function patchAssignments(patch: AlarmPatch, first: number): { sql: string[]; values: unknown[] } {
  const sql: string[] = [];
  const values: unknown[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const template = PATCH_COLUMNS[field as keyof AlarmPatch];
    if (template === undefined || value === undefined) {
      continue;
    }
    sql.push(template.replace('$', `$${first + values.length}`));
    values.push(field === 'rawWords' && value !== null ? JSON.stringify(value) : value);
  }
  return { sql, values };
}

export type { AlarmRow };
