import type { PgPool } from '../client.js';
import type {
  NotificationPerson,
  NotificationPreferenceRow,
  WebpushSubscriptionRow,
} from './notification.types.js';

const PREF_COLUMNS = `user_id AS "userId", channel_ids AS "channelIds", min_severity AS "minSeverity",
  quiet_start AS "quietStart", quiet_end AS "quietEnd", timezone, digest_at AS "digestAt",
  last_digest_at AS "lastDigestAt"`;

export type PreferenceInput = Omit<NotificationPreferenceRow, 'userId' | 'lastDigestAt'>;

/** Each person's notification preferences and Web Push subscriptions. */
export class NotificationPreferenceRepository {
  constructor(private readonly pool: PgPool) {}

  async find(userId: string): Promise<NotificationPreferenceRow | null> {
    const { rows } = await this.pool.query<NotificationPreferenceRow>(
      `SELECT ${PREF_COLUMNS} FROM notification_preference WHERE user_id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  async upsert(userId: string, p: PreferenceInput): Promise<NotificationPreferenceRow> {
    const { rows } = await this.pool.query<NotificationPreferenceRow>(
      `INSERT INTO notification_preference
         (user_id, channel_ids, min_severity, quiet_start, quiet_end, timezone, digest_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (user_id) DO UPDATE SET channel_ids = $2, min_severity = $3, quiet_start = $4,
         quiet_end = $5, timezone = $6, digest_at = $7, updated_at = now()
       RETURNING ${PREF_COLUMNS}`,
      [userId, p.channelIds, p.minSeverity, p.quietStart, p.quietEnd, p.timezone, p.digestAt],
    );
    return rows[0]!;
  }

  /** Everyone of the tenant who has preferences, with their email and push subscriptions. */
  async people(tenantId: string): Promise<NotificationPerson[]> {
    const { rows } = await this.pool.query<{
      userId: string;
      email: string;
      name: string;
      preference: NotificationPreferenceRow;
    }>(
      `SELECT u.id AS "userId", u.email, u.name, row_to_json(p) AS preference
         FROM app_user u
         JOIN LATERAL (SELECT ${PREF_COLUMNS} FROM notification_preference WHERE user_id = u.id) p ON true
        WHERE u.tenant_id = $1 ORDER BY u.id`,
      [tenantId],
    );
    const subscriptions = await this.subscriptionsOf(rows.map((r) => r.userId));
    return rows.map((r) => ({
      ...r,
      preference: { ...r.preference, lastDigestAt: toDate(r.preference.lastDigestAt) },
      subscriptions: subscriptions.filter((s) => s.userId === r.userId),
    }));
  }

  /** People with a daily digest set, for the digest job (across tenants). */
  async digestPeople(): Promise<
    Array<{ userId: string; email: string; name: string } & NotificationPreferenceRow>
  > {
    const { rows } = await this.pool.query(
      `SELECT u.email, u.name, ${PREF_COLUMNS.replaceAll('user_id', 'p.user_id')}
         FROM notification_preference p JOIN app_user u ON u.id = p.user_id
        WHERE p.digest_at IS NOT NULL`,
    );
    return rows;
  }

  async markDigestSent(userId: string, at: Date): Promise<void> {
    await this.pool.query('UPDATE notification_preference SET last_digest_at = $2 WHERE user_id = $1', [
      userId,
      at,
    ]);
  }

  async subscribe(
    userId: string,
    s: Omit<WebpushSubscriptionRow, 'id' | 'userId'>,
  ): Promise<WebpushSubscriptionRow> {
    // An endpoint belongs to one browser; re-subscribing moves it to whoever is signed in now.
    const { rows } = await this.pool.query<WebpushSubscriptionRow>(
      `INSERT INTO webpush_subscription (id, user_id, endpoint, p256dh, auth)
       VALUES (gen_random_uuid(), $1, $2, $3, $4)
       ON CONFLICT (endpoint) DO UPDATE SET user_id = $1, p256dh = $3, auth = $4
       RETURNING id, user_id AS "userId", endpoint, p256dh, auth`,
      [userId, s.endpoint, s.p256dh, s.auth],
    );
    return rows[0]!;
  }

  async unsubscribe(userId: string, endpoint: string): Promise<boolean> {
    const { rowCount } = await this.pool.query(
      'DELETE FROM webpush_subscription WHERE user_id = $1 AND endpoint = $2',
      [userId, endpoint],
    );
    return (rowCount ?? 0) > 0;
  }

  async findSubscription(id: string): Promise<WebpushSubscriptionRow | null> {
    const { rows } = await this.pool.query<WebpushSubscriptionRow>(
      'SELECT id, user_id AS "userId", endpoint, p256dh, auth FROM webpush_subscription WHERE id = $1',
      [id],
    );
    return rows[0] ?? null;
  }

  /** The push service said the subscription is gone (404/410): forget it. */
  async removeSubscription(id: string): Promise<void> {
    await this.pool.query('DELETE FROM webpush_subscription WHERE id = $1', [id]);
  }

  async subscriptionsOf(userIds: string[]): Promise<WebpushSubscriptionRow[]> {
    if (userIds.length === 0) {
      return [];
    }
    const { rows } = await this.pool.query<WebpushSubscriptionRow>(
      `SELECT id, user_id AS "userId", endpoint, p256dh, auth FROM webpush_subscription
        WHERE user_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [userIds],
    );
    return rows;
  }
}

// row_to_json renders timestamps as strings.
function toDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
