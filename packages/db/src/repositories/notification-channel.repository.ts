import type { PgPool } from '../client.js';
import type { NotificationChannelKind, NotificationChannelRow } from './notification.types.js';

const COLUMNS = `id, tenant_id AS "tenantId", kind, name, config, secret_enc AS "secretEnc", enabled,
  created_at AS "createdAt"`;

export interface NewChannel {
  tenantId: string;
  kind: NotificationChannelKind;
  name: string;
  config: Record<string, unknown>;
  secretEnc: string | null;
  enabled: boolean;
}

export interface ChannelPatch {
  name?: string;
  config?: Record<string, unknown>;
  enabled?: boolean;
}

/** A tenant's notification channels. Every call is tenant-scoped except the worker's `findById`. */
export class NotificationChannelRepository {
  constructor(private readonly pool: PgPool) {}

  async create(channel: NewChannel): Promise<NotificationChannelRow> {
    const { rows } = await this.pool.query<NotificationChannelRow>(
      `INSERT INTO notification_channel (id, tenant_id, kind, name, config, secret_enc, enabled)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [channel.tenantId, channel.kind, channel.name, channel.config, channel.secretEnc, channel.enabled],
    );
    return rows[0]!;
  }

  async list(tenantId: string): Promise<NotificationChannelRow[]> {
    const { rows } = await this.pool.query<NotificationChannelRow>(
      `SELECT ${COLUMNS} FROM notification_channel WHERE tenant_id = $1 ORDER BY created_at, id`,
      [tenantId],
    );
    return rows;
  }

  async find(tenantId: string, id: string): Promise<NotificationChannelRow | null> {
    const { rows } = await this.pool.query<NotificationChannelRow>(
      `SELECT ${COLUMNS} FROM notification_channel WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id],
    );
    return rows[0] ?? null;
  }

  /** The delivery worker's lookup: the delivery row already carries the tenant. */
  async findById(id: string): Promise<NotificationChannelRow | null> {
    const { rows } = await this.pool.query<NotificationChannelRow>(
      `SELECT ${COLUMNS} FROM notification_channel WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async update(tenantId: string, id: string, patch: ChannelPatch): Promise<NotificationChannelRow | null> {
    const { rows } = await this.pool.query<NotificationChannelRow>(
      `UPDATE notification_channel
          SET name = COALESCE($3, name), config = COALESCE($4, config), enabled = COALESCE($5, enabled)
        WHERE tenant_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
      [tenantId, id, patch.name ?? null, patch.config ?? null, patch.enabled ?? null],
    );
    return rows[0] ?? null;
  }

  async remove(tenantId: string, id: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM notification_channel WHERE tenant_id = $1 AND id = $2',
      [tenantId, id],
    );
    return (rowCount ?? 0) > 0;
  }
}
