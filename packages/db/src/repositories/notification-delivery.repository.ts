import type pg from 'pg';
import type { PgPool } from '../client.js';
import type {
  AttemptView,
  ClaimedDelivery,
  DeliveryAttemptInput,
  DeliveryNext,
  DeliveryView,
  NewDelivery,
} from './notification.types.js';

export interface ClaimOptions {
  /** Most deliveries claimed in one call. */
  limit: number;
  /** Most deliveries of one channel per claim, so one slow channel cannot fill the batch. */
  perChannel: number;
  /** How long the claim holds; a worker that dies mid-send loses it after this and another retries. */
  leaseMs: number;
  /** Channels whose sends are still in flight in this worker: not claimed again meanwhile. */
  excludeChannelIds?: string[];
}

// Due rows whose earlier transitions (same alarm, channel and recipient) are all finished: order
// per alarm is kept by never claiming seq n while seq < n is pending, sending or failed. Held rows
// (waiting for the digest) do not block. A `sending` row whose lease ran out is due again.
const CLAIM_SQL = `
WITH candidate AS (
  SELECT id, row_number() OVER (PARTITION BY channel_id ORDER BY next_attempt_at, seq) AS rank
    FROM notification_delivery d
   WHERE ((d.status IN ('pending', 'failed') AND d.next_attempt_at <= now())
          OR (d.status = 'sending' AND d.lease_until < now()))
     AND NOT (d.channel_id = ANY($4::uuid[]))
     AND NOT EXISTS (
       SELECT 1 FROM notification_delivery e
        WHERE e.alarm_id = d.alarm_id AND e.channel_id = d.channel_id AND e.recipient = d.recipient
          AND e.seq < d.seq AND e.status IN ('pending', 'sending', 'failed'))
), locked AS (
  SELECT d.id FROM notification_delivery d JOIN candidate c ON c.id = d.id
   WHERE c.rank <= $2
   ORDER BY d.next_attempt_at
   LIMIT $1
   FOR UPDATE OF d SKIP LOCKED
)
UPDATE notification_delivery d
   SET status = 'sending', attempts = d.attempts + 1, lease_until = now() + ($3::int * interval '1 millisecond')
  FROM locked WHERE d.id = locked.id
RETURNING d.id, d.tenant_id AS "tenantId", d.channel_id AS "channelId", d.event_id AS "eventId",
  d.alarm_id AS "alarmId", d.seq, d.recipient, d.user_id AS "userId", d.event, d.attempts,
  d.created_at AS "createdAt"`;

const VIEW_COLUMNS = `d.id, d.channel_id AS "channelId", c.kind AS "channelKind", c.name AS "channelName",
  d.event_id AS "eventId", d.seq, d.recipient, d.status, d.attempts, d.next_attempt_at AS "nextAttemptAt",
  d.last_error AS "lastError", d.created_at AS "createdAt", d.delivered_at AS "deliveredAt"`;

/**
 * The delivery queue: one row per (alarm event, channel, recipient), one attempt row per try.
 * Rows are inserted with the event's dedupe id, claimed with FOR UPDATE SKIP LOCKED under a
 * lease, and finished with their attempt in one transaction.
 */
export class NotificationDeliveryRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * Inserts a whole event's deliveries in one transaction. A redelivered event hits the unique
   * (event, channel, recipient) key and inserts nothing; returns how many rows are new.
   */
  async insertAll(deliveries: NewDelivery[]): Promise<number> {
    if (deliveries.length === 0) {
      return 0;
    }
    return this.transaction(async (client) => {
      const { rowCount } = await client.query(
        `INSERT INTO notification_delivery
           (id, tenant_id, channel_id, event_id, alarm_id, seq, recipient, user_id, event, status, next_attempt_at)
         SELECT gen_random_uuid(), t.tenant_id, t.channel_id, t.event_id, t.alarm_id, t.seq, t.recipient,
                t.user_id, t.event, t.status::"NotificationDeliveryStatus", t.next_attempt_at
           FROM jsonb_to_recordset($1::jsonb) AS t(tenant_id uuid, channel_id uuid, event_id text, alarm_id uuid,
                seq int, recipient text, user_id uuid, event jsonb, status text, next_attempt_at timestamptz)
         ON CONFLICT (event_id, channel_id, recipient) DO NOTHING`,
        [JSON.stringify(deliveries.map(toRecord))],
      );
      return rowCount ?? 0;
    });
  }

  async claimDue(options: ClaimOptions): Promise<ClaimedDelivery[]> {
    const { rows } = await this.pool.query<ClaimedDelivery>(CLAIM_SQL, [
      options.limit,
      options.perChannel,
      options.leaseMs,
      options.excludeChannelIds ?? [],
    ]);
    return rows;
  }

  /** Records one attempt and moves the delivery on, in one transaction. */
  async finish(id: string, attempt: DeliveryAttemptInput, next: DeliveryNext): Promise<void> {
    await this.transaction(async (client) => {
      await insertAttempt(client, id, attempt);
      const error = next.status === 'delivered' ? null : next.error.slice(0, 500);
      const nextAt = next.status === 'failed' ? next.nextAttemptAt : null;
      await client.query(
        `UPDATE notification_delivery
            SET status = $2::"NotificationDeliveryStatus", lease_until = NULL, last_error = $3,
                next_attempt_at = COALESCE($4, next_attempt_at),
                delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END
          WHERE id = $1`,
        [id, next.status, error, nextAt],
      );
    });
  }

  /** Deliveries held for a person's digest, oldest first. */
  async held(userId: string): Promise<Array<{ id: string; event: unknown; createdAt: Date }>> {
    const { rows } = await this.pool.query(
      `SELECT id, event, created_at AS "createdAt" FROM notification_delivery
        WHERE user_id = $1 AND status = 'held' ORDER BY created_at, seq`,
      [userId],
    );
    return rows;
  }

  /** The digest went out: its deliveries are delivered, each with a `digest` attempt. */
  async markDigested(ids: string[], durationMs: number, response: string | null): Promise<void> {
    await this.transaction(async (client) => {
      for (const id of ids) {
        await insertAttempt(client, id, { outcome: 'digest', httpStatus: null, response, durationMs });
      }
      await client.query(
        `UPDATE notification_delivery SET status = 'delivered', delivered_at = now()
          WHERE id = ANY($1::uuid[]) AND status = 'held'`,
        [ids],
      );
    });
  }

  /**
   * Whether the alarm is the organisation's (its alarm row, or deliveries recorded for it, since an
   * event can be delivered before or without the row reaching this database).
   */
  async alarmOfTenant(tenantId: string, alarmId: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      `SELECT 1 FROM alarm WHERE id = $1 AND tenant_id = $2
       UNION ALL SELECT 1 FROM notification_delivery WHERE alarm_id = $1 AND tenant_id = $2 LIMIT 1`,
      [alarmId, tenantId],
    );
    return (rowCount ?? 0) > 0;
  }

  /** The alarm inbox's view: every delivery of one alarm in the tenant, with its attempts. */
  async listForAlarm(
    tenantId: string,
    alarmId: string,
  ): Promise<Array<DeliveryView & { attemptRows: AttemptView[] }>> {
    const { rows } = await this.pool.query<DeliveryView>(
      `SELECT ${VIEW_COLUMNS} FROM notification_delivery d JOIN notification_channel c ON c.id = d.channel_id
        WHERE d.tenant_id = $1 AND d.alarm_id = $2 ORDER BY d.seq, c.name, d.recipient`,
      [tenantId, alarmId],
    );
    const attempts = await this.pool.query<AttemptView>(
      `SELECT delivery_id AS "deliveryId", at, outcome, http_status AS "httpStatus", response,
              duration_ms AS "durationMs"
         FROM notification_attempt WHERE delivery_id = ANY($1::uuid[]) ORDER BY at, id`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({ ...r, attemptRows: attempts.rows.filter((a) => a.deliveryId === r.id) }));
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

function toRecord(d: NewDelivery): Record<string, unknown> {
  return {
    tenant_id: d.tenantId,
    channel_id: d.channelId,
    event_id: d.eventId,
    alarm_id: d.alarmId,
    seq: d.seq,
    recipient: d.recipient,
    user_id: d.userId,
    event: d.event,
    status: d.status,
    next_attempt_at: d.nextAttemptAt.toISOString(),
  };
}

async function insertAttempt(client: pg.PoolClient, id: string, a: DeliveryAttemptInput): Promise<void> {
  await client.query(
    `INSERT INTO notification_attempt (delivery_id, outcome, http_status, response, duration_ms)
     VALUES ($1, $2, $3, $4, $5)`,
    [id, a.outcome, a.httpStatus, a.response?.slice(0, 500) ?? null, Math.round(a.durationMs)],
  );
}
