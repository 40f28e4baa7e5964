import { AlarmOutboxRepository, type PgPool } from '@fleet/db';
import { alarmEventMessageId } from '@fleet/telemetry';
import { jetstream } from '@nats-io/jetstream';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { natsAuth } from '../common/nats-auth.js';
import type { Logger } from '../logging/root-logger.js';
import { publishTraced } from '../tracing/traced-publish.js';

/**
 * Publishes the outbox (alarm_transition rows not yet in ALARMS) after the API's own commits,
 * with Nats-Msg-Id `<alarmId>:<seq>`. Without a NATS URL it does nothing: ingest's relay
 * publishes every unpublished row on its timer, whoever wrote it, so an API transition is
 * never lost, only later. A failure is logged and left to the next flush or to ingest.
 */
export class AlarmEventsPublisher {
  private connection: Promise<NatsConnection> | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly pool: PgPool,
    private readonly natsUrl: string | undefined,
    private readonly logger: Logger,
    private readonly natsCredsPath?: string,
  ) {}

  flush(): Promise<void> {
    if (this.natsUrl === undefined) {
      return Promise.resolve();
    }
    const previous = this.running ?? Promise.resolve();
    this.running = previous
      .then(() => this.publishAll(this.natsUrl!))
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'publishing alarm events failed; ingest relay will retry');
      });
    return this.running;
  }

  async close(): Promise<void> {
    await this.running;
    await (await this.connection)?.drain().catch(() => undefined);
  }

  private async publishAll(url: string): Promise<void> {
    this.connection ??= connect({
      servers: url,
      name: 'api:alarms',
      maxReconnectAttempts: -1,
      ...natsAuth(this.natsCredsPath),
    });
    const js = jetstream(await this.connection);
    const outbox = new AlarmOutboxRepository(this.pool);
    const entries = await outbox.unpublished(500);
    const done = [];
    try {
      for (const entry of entries) {
        await publishTraced('alarm-event publish', entry.subject, (trace) => {
          const h = trace ? headers() : undefined;
          for (const [key, value] of Object.entries(trace ?? {})) {
            h?.set(key, value);
          }
          return js.publish(entry.subject, JSON.stringify(entry.event), {
            msgID: alarmEventMessageId(entry),
            ...(h ? { headers: h } : {}),
          });
        });
        done.push(entry);
      }
    } finally {
      await outbox.markPublished(done);
    }
  }
}
