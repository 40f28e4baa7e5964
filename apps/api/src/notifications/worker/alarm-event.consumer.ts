import { streams } from '@fleet/telemetry';
import { type ConsumerMessages, type JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { Logger } from 'pino';
import { natsAuth } from '../../common/nats-auth.js';
import { withConsumerSpan } from '../../tracing/consumer-span.js';
import type { FanOutService } from './fan-out.service.js';
import { ensureAlarmsStream, ensureNotifyConsumer } from './jetstream-setup.js';
import type { NotifyStats } from './notify-stats.js';
import { parseAlarmEvent } from './parse-alarm-event.js';

const ACK_WAIT_MS = 30_000;
const RETRY_PAUSE_MS = 2_000;

/**
 * The transport of the fan-out: pulls ALARMS through the durable `notify` consumer, hands each
 * event to FanOutService and acks only after its deliveries are committed. A database failure
 * retries the same message in place (keeping it alive with `working()`), so events are planned
 * in stream order; a message that is not a valid event is counted by reason and terminated.
 */
export class AlarmEventConsumer {
  private connection: NatsConnection | undefined;
  private messages: ConsumerMessages | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private linkUp = false;

  constructor(
    private readonly natsUrl: string,
    private readonly durable: string,
    private readonly fanOut: FanOutService,
    private readonly stats: NotifyStats,
    private readonly logger: Logger,
    private readonly natsCredsPath?: string,
  ) {}

  async start(): Promise<void> {
    this.connection = await connect({
      servers: this.natsUrl,
      name: `api:${this.durable}`,
      maxReconnectAttempts: -1,
      ...natsAuth(this.natsCredsPath),
    });
    void this.watchLink(this.connection);
    const jsm = await jetstreamManager(this.connection);
    await ensureAlarmsStream(jsm);
    await ensureNotifyConsumer(jsm, this.durable, ACK_WAIT_MS);
    const consumer = await jetstream(this.connection).consumers.get(streams.alarms.name, this.durable);
    this.messages = await consumer.consume({ max_messages: 16 });
    this.loop = this.run(this.messages);
    this.logger.info({ durable: this.durable }, 'notify consumer started');
  }

  /** For readiness: connected to NATS (it reconnects by itself after an outage). */
  isConnected(): boolean {
    return this.linkUp && this.connection !== undefined && !this.connection.isClosed() && !this.stopping;
  }

  private async watchLink(connection: NatsConnection): Promise<void> {
    this.linkUp = true;
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') {
        this.linkUp = false;
      } else if (status.type === 'reconnect') {
        this.linkUp = true;
      }
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.messages?.close().catch(() => undefined);
    await this.loop?.catch(() => undefined);
    await this.connection
      ?.drain()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'NATS drain failed'));
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const message of messages) {
      await this.handle(message);
      if (this.stopping) {
        break;
      }
    }
  }

  /** Continues the trace of the request (or relay) that published the event. */
  private handle(message: JsMsg): Promise<void> {
    return withConsumerSpan(
      'alarm-event receive',
      message.subject,
      (name) => message.headers?.get(name),
      () => this.plan(message),
    );
  }

  private async plan(message: JsMsg): Promise<void> {
    const parsed = parseAlarmEvent(message.data);
    if (!parsed.ok) {
      this.stats.reject(parsed.reason);
      this.logger.warn(
        { subject: message.subject, seq: message.seq, reason: parsed.reason },
        'alarm event rejected',
      );
      // No reason argument: `+TERM <reason>` needs nats-server 2.10, and 2.9 would leave it pending.
      message.term();
      return;
    }
    while (!this.stopping) {
      try {
        const created = await this.fanOut.accept(parsed.event);
        if (parsed.event.notify) {
          this.stats.acceptedEvents += 1;
        } else {
          this.stats.skippedEvents += 1;
        }
        this.logger.debug(
          { alarmId: parsed.event.alarmId, seq: parsed.event.seq, created },
          'alarm event planned',
        );
        message.ack();
        return;
      } catch (error) {
        this.logger.warn(
          { err: error, alarmId: parsed.event.alarmId },
          'planning deliveries failed; retrying',
        );
        message.working();
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
    // Shutting down mid-retry: leave it un-acked; the next worker gets it after the ack wait.
  }
}
