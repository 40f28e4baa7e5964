import type { PgPool } from '../client.js';
import type { AuditActorRow, AuditEventInput, AuditEventRow, AuditListFilter } from './audit.types.js';

const COLUMNS = [
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
  'at',
] as const;

const SELECT_COLUMNS = `id::text AS id, tenant_id AS "tenantId", actor_user_id AS "actorUserId",
  actor_tenant_id AS "actorTenantId", actor_role AS "actorRole", action, verb,
  target_type AS "targetType", target_id AS "targetId", site_id AS "siteId", status, ip,
  user_agent AS "userAgent", request_id AS "requestId", at`;

function valuesOf(e: AuditEventInput): unknown[] {
  return [
    e.tenantId,
    e.actorUserId,
    e.actorTenantId,
    e.actorRole,
    e.action,
    e.verb,
    e.targetType,
    e.targetId,
    e.siteId,
    e.status,
    e.ip,
    e.userAgent,
    e.requestId,
    e.at,
  ];
}

/**
 * The audit log. Writes come from the API's recorder after the response, on the system pool (it
 * records for every organisation); reads take the caller's organisation and run on the scoped
 * pool, where the audit_event policy admits the same rows again.
 */
export class AuditRepository {
  constructor(private readonly pool: PgPool) {}

  /** One multi-row INSERT for a batch of recorded requests. */
  async insertMany(events: readonly AuditEventInput[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const params: unknown[] = [];
    const rows = events.map((e) => {
      const base = params.length;
      params.push(...valuesOf(e));
      return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await this.pool.query(
      `INSERT INTO audit_event (${COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
      params,
    );
  }

  /**
   * One page of the events about `orgId`'s data or by its members, newest first. Asks for
   * `limit` rows; the caller asks one more to learn whether a next page exists.
   */
  async list(orgId: string, f: AuditListFilter): Promise<AuditEventRow[]> {
    const params: unknown[] = [
      orgId,
      f.actorUserId ?? null,
      f.action ?? null,
      f.siteId ?? null,
      f.from ?? null,
      f.to ?? null,
      f.after?.at ?? null,
      f.after?.id ?? null,
      f.limit,
    ];
    const { rows } = await this.pool.query<AuditEventRow>(
      `SELECT ${SELECT_COLUMNS} FROM audit_event
        WHERE (tenant_id = $1 OR actor_tenant_id = $1)
          AND ($2::uuid IS NULL OR actor_user_id = $2)
          AND ($3::text IS NULL OR action = $3 OR verb = $3)
          AND ($4::uuid IS NULL OR site_id = $4)
          AND ($5::timestamptz IS NULL OR at >= $5)
          AND ($6::timestamptz IS NULL OR at < $6)
          AND ($7::timestamptz IS NULL OR (at, id) < ($7, $8::bigint))
        ORDER BY at DESC, id DESC
        LIMIT $9`,
      params,
    );
    return rows;
  }

  /**
   * Names of these actors, only where they acted on the organisation's data or are its members
   * (an audit row it may read names them), so a filter by an arbitrary id reveals no name.
   */
  async actors(orgId: string, userIds: string[]): Promise<AuditActorRow[]> {
    if (userIds.length === 0) {
      return [];
    }
    const { rows } = await this.pool.query<AuditActorRow>(
      `SELECT u.id, u.name, u.tenant_id AS "orgId", o.name AS "orgName"
         FROM app_user u JOIN tenant o ON o.id = u.tenant_id
        WHERE u.id = ANY($2::uuid[])
          AND EXISTS (SELECT 1 FROM audit_event e
                       WHERE e.actor_user_id = u.id AND (e.tenant_id = $1 OR e.actor_tenant_id = $1))`,
      [orgId, userIds],
    );
    return rows;
  }
}
