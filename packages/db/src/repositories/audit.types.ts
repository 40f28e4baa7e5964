import type { Role } from '../generated/prisma/enums.js';

/** One recorded API request (table audit_event). Never a body, a token or a password. */
export interface AuditEventInput {
  /** The organisation whose data the request touched (the target's, else the caller's own). */
  tenantId: string;
  actorUserId: string;
  actorTenantId: string;
  actorRole: Role;
  /** `METHOD /api/route/{param}`: the route template, never the concrete path or its query. */
  action: string;
  /** Short verb: read, create, update, delete, or the route's last word (acknowledge, …). */
  verb: string;
  targetType: string | null;
  targetId: string | null;
  siteId: string | null;
  status: number;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  at: Date;
}

export interface AuditEventRow extends AuditEventInput {
  /** bigint as a decimal string: ids outgrow a JavaScript number long before they outgrow bigint. */
  id: string;
}

/** Who an audit row's actor is, with the organisation they belong to. */
export interface AuditActorRow {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
}

export interface AuditListFilter {
  actorUserId?: string;
  /** Matches the action (`POST /api/alarms/{id}/acknowledge`) or the verb (`acknowledge`). */
  action?: string;
  siteId?: string;
  from?: Date;
  to?: Date;
  /** Rows strictly after this position in the list order (at desc, id desc). */
  after?: { at: Date; id: string };
  limit: number;
}

/** Where a target lives: its managing organisation and, for site-level data, its site. */
export interface AuditTargetOwner {
  tenantId: string;
  siteId: string | null;
}
