import type { AlarmSeverity, AlarmStatus } from '@fleet/telemetry';
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

/** The alarm inbox reads of the API. Every method takes the tenant id and filters by it. */
export class AlarmReadRepository {
  constructor(private readonly pool: PgPool) {}

  async list(tenantId: string, f: AlarmListFilter): Promise<AlarmRow[]> {
    const { rows } = await this.pool.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a
        WHERE a.tenant_id = $1
          AND ($2::text[] IS NULL OR a.status::text = ANY($2))
          AND ($3::text[] IS NULL OR a.severity::text = ANY($3))
          AND ($4::uuid IS NULL OR a.site_id = $4)
          AND ($5::uuid IS NULL OR a.string_id = $5)
          AND ($6::timestamptz IS NULL OR (a.last_fired_at, a.id) < ($6, $7::uuid))
        ORDER BY a.last_fired_at DESC, a.id DESC
        LIMIT $8`,
      [
        tenantId,
        f.statuses ?? null,
        f.severities ?? null,
        f.siteId ?? null,
        f.stringId ?? null,
        f.after?.lastFiredAt ?? null,
        f.after?.id ?? null,
        f.limit,
      ],
    );
    return rows;
  }

  async find(tenantId: string, alarmId: string): Promise<AlarmRow | null> {
    const { rows } = await this.pool.query<AlarmRow>(
      `SELECT ${ALARM_COLUMNS} FROM alarm a WHERE a.id = $1 AND a.tenant_id = $2`,
      [alarmId, tenantId],
    );
    return rows[0] ?? null;
  }

  /** The audit trail, oldest first; empty for another tenant's alarm. */
  async transitions(tenantId: string, alarmId: string): Promise<AlarmTransitionRow[]> {
    const { rows } = await this.pool.query<AlarmTransitionRow>(
      `SELECT t.alarm_id AS "alarmId", t.seq, t.transition, t.actor, t.at, t.detail,
              (t.event->>'notify')::boolean AS notify, t.published_at AS "publishedAt"
         FROM alarm_transition t JOIN alarm a ON a.id = t.alarm_id
        WHERE t.alarm_id = $1 AND a.tenant_id = $2 ORDER BY t.seq`,
      [alarmId, tenantId],
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
