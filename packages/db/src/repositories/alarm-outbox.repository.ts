import type { AlarmEvent } from '@fleet/telemetry';
import type { PgPool } from '../client.js';

export interface OutboxEntry {
  alarmId: string;
  seq: number;
  subject: string;
  event: AlarmEvent;
  /** The trace context stored with the transition (null outside a traced evaluation). */
  traceparent: string | null;
}

/**
 * The unpublished alarm events (alarm_transition rows with published_at null). Whoever publishes
 * them (ingest after its commits and on a timer, the API after its own) uses the Nats-Msg-Id
 * `<alarmId>:<seq>`, so two relays publishing the same row give one message in ALARMS.
 */
export class AlarmOutboxRepository {
  constructor(private readonly pool: PgPool) {}

  /**
   * By seq within an alarm, so an alarm's events reach the stream in order (`at` cannot order
   * them: the evaluator stamps gateway sample time, the API server time); alarms by their oldest
   * waiting transition.
   */
  async unpublished(limit: number): Promise<OutboxEntry[]> {
    const { rows } = await this.pool.query<OutboxEntry>(
      `SELECT alarm_id AS "alarmId", seq, subject, event, traceparent FROM alarm_transition
        WHERE published_at IS NULL
        ORDER BY min(at) OVER (PARTITION BY alarm_id), alarm_id, seq LIMIT $1`,
      [limit],
    );
    return rows;
  }

  async markPublished(entries: Pick<OutboxEntry, 'alarmId' | 'seq'>[]): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    await this.pool.query(
      `UPDATE alarm_transition t SET published_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS k(alarm_id, seq)
        WHERE t.alarm_id = k.alarm_id AND t.seq = k.seq AND t.published_at IS NULL`,
      [entries.map((e) => e.alarmId), entries.map((e) => e.seq)],
    );
  }
}
