import type { AlarmRow } from '@fleet/db';
import { isoOrNull } from '../common/iso.js';
import type { AlarmDto } from './alarms.dto.js';

export function toAlarmDto(a: AlarmRow): AlarmDto {
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
    acknowledgedBy: a.acknowledgedBy,
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
