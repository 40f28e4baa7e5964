import type { AlarmPersonRow, AlarmRow } from '@fleet/db';
import { isoOrNull } from '../common/iso.js';
import type { AlarmDto, PersonDto } from './alarms.dto.js';

/** People by id as the caller sees them: the organisation is named only when it is not the caller's. */
export type People = Map<string, PersonDto>;

export function toPeople(rows: AlarmPersonRow[], callerOrgId: string): People {
  return new Map(
    rows.map((p) => [
      p.id,
      { id: p.id, name: p.name, organisation: p.orgId === callerOrgId ? null : p.orgName },
    ]),
  );
}

export function toAlarmDto(a: AlarmRow, people: People): AlarmDto {
  return {
    id: a.id,
    siteId: a.siteId,
    stringId: a.stringId,
    gatewayId: a.gatewayId,
    code: a.code,
    title: a.title,
    severity: a.severity,
    status: a.status,
    count: a.count,
    flapping: a.flapping,
    seq: a.seq,
    firstFiredAt: a.firstFiredAt.toISOString(),
    lastFiredAt: a.lastFiredAt.toISOString(),
    resolvedAt: isoOrNull(a.resolvedAt),
    closedAt: isoOrNull(a.closedAt),
    assigneeId: a.assigneeId,
    assignee: (a.assigneeId && people.get(a.assigneeId)) || null,
    acknowledgedBy: a.acknowledgedBy,
    acknowledger: (a.acknowledgedBy && people.get(a.acknowledgedBy)) || null,
    acknowledgedAt: isoOrNull(a.acknowledgedAt),
    escalationLevel: a.escalationLevel,
    snoozedUntil: isoOrNull(a.snoozedUntil),
    lastValue: a.lastValue,
    rawWords: a.rawWords,
    cellSnapshotAt: isoOrNull(a.cellSnapshotAt),
  };
}

/** Cursor = the last row's position in the list order, opaque to clients. */
export function encodeCursor(a: Pick<AlarmRow, 'lastFiredAt' | 'id'>): string {
  return Buffer.from(`${a.lastFiredAt.toISOString()}|${a.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { lastFiredAt: Date; id: string } | undefined {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const lastFiredAt = new Date(iso ?? '');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return Number.isNaN(lastFiredAt.getTime()) || !uuid.test(id ?? '') ? undefined : { lastFiredAt, id: id! };
}
