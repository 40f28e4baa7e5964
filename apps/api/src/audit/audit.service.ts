import { Readable } from 'node:stream';
import type { AuditActorRow, AuditEventRow, AuditListFilter, AuditRepository } from '@fleet/db';
import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '../common/app-error.js';
import type { AuditEventDto, AuditListQuery, AuditPageDto } from './audit.dto.js';
import { AUDIT_READER } from './audit.tokens.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import { csvRow } from './csv-row.js';

const CSV_COLUMNS = [
  'at',
  'tenant_id',
  'actor_user_id',
  'actor_tenant_id',
  'actor_role',
  'action',
  'verb',
  'target_type',
  'target_id',
  'site_id',
  'status',
  'ip',
  'user_agent',
  'request_id',
  'id',
] as const;
const CSV_PAGE = 1000;

function toDto(row: AuditEventRow, orgId: string, actors: Map<string, AuditActorRow>): AuditEventDto {
  const actor = actors.get(row.actorUserId);
  return {
    ...row,
    at: row.at.toISOString(),
    actorName: actor?.name ?? null,
    actorOrganisation: actor && actor.orgId !== orgId ? actor.orgName : null,
  };
}

function csvOf(row: AuditEventRow): string {
  return csvRow([
    row.at,
    row.tenantId,
    row.actorUserId,
    row.actorTenantId,
    row.actorRole,
    row.action,
    row.verb,
    row.targetType,
    row.targetId,
    row.siteId,
    row.status,
    row.ip,
    row.userAgent,
    row.requestId,
    row.id,
  ]);
}

/** The organisation's audit log: pages for the UI, the whole filtered log as CSV. */
@Injectable()
export class AuditService {
  constructor(@Inject(AUDIT_READER) private readonly audit: AuditRepository) {}

  async page(orgId: string, q: AuditListQuery): Promise<AuditPageDto> {
    const rows = await this.audit.list(orgId, { ...filterOf(q), limit: q.limit + 1 });
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    const ids = [...new Set(items.map((r) => r.actorUserId))];
    const actors = new Map((await this.audit.actors(orgId, ids)).map((a) => [a.id, a]));
    return {
      items: items.map((r) => toDto(r, orgId, actors)),
      nextCursor: rows.length > q.limit && last ? encodeAuditCursor(last) : null,
    };
  }

  /** The filtered log from the cursor on, newest first, read page by page while the client takes it. */
  csv(orgId: string, q: AuditListQuery): Readable {
    const filter = filterOf(q);
    const audit = this.audit;
    async function* lines(): AsyncGenerator<string> {
      yield csvRow(CSV_COLUMNS);
      let after = filter.after;
      for (;;) {
        const rows = await audit.list(orgId, { ...filter, ...(after ? { after } : {}), limit: CSV_PAGE });
        for (const row of rows) {
          yield csvOf(row);
        }
        const last = rows.at(-1);
        if (rows.length < CSV_PAGE || !last) {
          return;
        }
        after = { at: last.at, id: last.id };
      }
    }
    return Readable.from(lines());
  }
}

function filterOf(q: AuditListQuery): Omit<AuditListFilter, 'limit'> {
  const after = q.cursor === undefined ? undefined : decodeAuditCursor(q.cursor);
  if (q.cursor !== undefined && after === undefined) {
    throw new AppError('VALIDATION_FAILED', 'cursor: not a cursor this API returned');
  }
  return {
    ...(q.actor ? { actorUserId: q.actor } : {}),
    ...(q.action ? { action: q.action } : {}),
    ...(q.site ? { siteId: q.site } : {}),
    ...(q.from ? { from: new Date(q.from) } : {}),
    ...(q.to ? { to: new Date(q.to) } : {}),
    ...(after ? { after } : {}),
  };
}
