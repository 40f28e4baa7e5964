import type { AlarmSeverity, AlarmStatus } from '@fleet/telemetry';
import { type ScopeArg, scopeSql } from '../access/index.js';
import type { PgPool } from '../client.js';
import type { AlarmRow, AlarmTransitionRow } from './alarm.types.js';
import { ALARM_COLUMNS } from './alarm-columns.js';

export interface AlarmListFilter {
  statuses?: AlarmStatus[];
  severities?: AlarmSeverity[];
  siteId?: string;
  stringId?: string;
  /** Rows strictly after this position in the list order (last_fired_at desc, id desc). */
  after?: { lastFiredAt: Date; id: string };
  limit: number;
}

/** A person named on an alarm (actor, assignee, acknowledger), with the organisation they belong to. */
export interface AlarmPersonRow {
  id: string;
  name: string;
  orgId: string;
  orgName: string;
}

/** The alarm inbox reads of the API. Every method takes the caller's scope and filters by it. */
export class AlarmReadRepository {
  constructor(private readonly pool: PgPool) {}

  async list(scope: ScopeArg, f: AlarmListFilter): Promise<AlarmRow[]> {
    const params: unknown[] = [
      f.statuses ?? null,
      f.severities ?? null,
      f.siteId ?? null,
      f.stringId ?? null,
      f.after?.lastFiredAt ?? null,
      f.after?.id ?? null,
      f.limit,
    ];
    const where = scopeSql(scope, { tenant: 'a.tenant_id', site: 'a.site_id' }, params);
    const { rows } = await this.pool.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a
        WHERE ${where}
          AND ($1::text[] IS NULL OR a.status::text = ANY($1))
          AND ($2::text[] IS NULL OR a.severity::text = ANY($2))
          AND ($3::uuid IS NULL OR a.site_id = $3)
          AND ($4::uuid IS NULL OR a.string_id = $4)
          AND ($5::timestamptz IS NULL OR (a.last_fired_at, a.id) < ($5, $6::uuid))
        ORDER BY a.last_fired_at DESC, a.id DESC
        LIMIT $7`,
      params,
    );
    return rows;
  }

  async find(scope: ScopeArg, alarmId: string): Promise<AlarmRow | null> {
    const params: unknown[] = [alarmId];
    const where = scopeSql(scope, { tenant: 'a.tenant_id', site: 'a.site_id' }, params);
    const { rows } = await this.pool.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a WHERE a.id = $1 AND ${where}`,
      params,
    );
    return rows[0] ?? null;
  }

  /** The audit trail, oldest first; empty for an alarm outside the scope. */
  async transitions(scope: ScopeArg, alarmId: string): Promise<AlarmTransitionRow[]> {
    const params: unknown[] = [alarmId];
    const where = scopeSql(scope, { tenant: 'a.tenant_id', site: 'a.site_id' }, params);
    const { rows } = await this.pool.query<AlarmTransitionRow>(
      `SELECT t.alarm_id AS "alarmId", t.seq, t.transition, t.actor, t.at, t.detail,
              (t.event->>'notify')::boolean AS notify, t.published_at AS "publishedAt"
         FROM alarm_transition t JOIN alarm a ON a.id = t.alarm_id
        WHERE t.alarm_id = $1 AND ${where} ORDER BY t.seq`,
      params,
    );
    return rows;
  }

  /**
   * The people named on these alarms: assignee, acknowledger, transition actors and whom a
   * transition assigned. Only ids that occur on alarms of the scope are resolved, so a caller
   * learns the name of someone who acted on a site it sees and never of an arbitrary user id.
   */
  async people(scope: ScopeArg, alarmIds: string[], withHistory: boolean): Promise<AlarmPersonRow[]> {
    if (alarmIds.length === 0) {
      return [];
    }
    const params: unknown[] = [alarmIds, withHistory];
    const where = scopeSql(scope, { tenant: 'a.tenant_id', site: 'a.site_id' }, params);
    const { rows } = await this.pool.query<AlarmPersonRow>(
      `WITH named AS (
         SELECT a.assignee_id::text AS uid FROM alarm a WHERE a.id = ANY($1::uuid[]) AND ${where}
         UNION SELECT a.acknowledged_by FROM alarm a WHERE a.id = ANY($1::uuid[]) AND ${where}
         UNION SELECT x.uid FROM alarm_transition t JOIN alarm a ON a.id = t.alarm_id
                 CROSS JOIN LATERAL (VALUES (t.actor), (t.detail->>'assigneeId')) x(uid)
                WHERE $2::boolean AND t.alarm_id = ANY($1::uuid[]) AND ${where}
       )
       SELECT u.id, u.name, u.tenant_id AS "orgId", o.name AS "orgName"
         FROM app_user u JOIN tenant o ON o.id = u.tenant_id
        WHERE u.id::text IN (SELECT uid FROM named WHERE uid IS NOT NULL)`,
      params,
    );
    return rows;
  }

  async userInTenant(tenantId: string, userId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM app_user WHERE id = $1 AND tenant_id = $2', [
      userId,
      tenantId,
    ]);
    return (rowCount ?? 0) > 0;
  }

  async siteInTenant(tenantId: string, siteId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query('SELECT 1 FROM site WHERE id = $1 AND tenant_id = $2', [
      siteId,
      tenantId,
    ]);
    return (rowCount ?? 0) > 0;
  }
}
