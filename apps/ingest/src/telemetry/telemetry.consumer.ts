import { setTimeout as sleep } from 'node:timers/promises';
import { streams } from '@fleet/telemetry';
import { type Consumer, type JsMsg } from '@nats-io/jetstream';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { applyStream, ensureDurableConsumer } from '../nats/jetstream-setup.js';
import { NatsClient } from '../nats/nats-client.js';
import { TelemetryIngestService } from './telemetry-ingest.service.js';

/** How long one pull waits for messages; also the longest a shutdown waits for the loop. */
const FETCH_EXPIRES_MS = 2000;

/**
 * The transport: pulls batches from the durable consumer and acks or naks each message as the
 * service decides. Thin on purpose; everything else is in TelemetryIngestService.
 */
@Injectable()
export class TelemetryConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(TelemetryIngestService) private readonly service: TelemetryIngestService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'telemetry-consumer' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const jsm = await this.nats.jetstreamManager();
    for (const definition of Object.values(streams)) {
      const how = await applyStream(jsm, definition);
      this.logger.info({ stream: definition.name, how }, 'stream applied');
    }
    const { consumer: durable, filterSubject, ackWaitMs } = this.config.nats;
    await ensureDurableConsumer(jsm, { stream: streams.telemetry.name, durable, filterSubject, ackWaitMs });
    const consumer = await (await this.nats.jetstream()).consumers.get(streams.telemetry.name, durable);
    this.logger.info({ durable, filterSubject }, 'consuming telemetry');
    this.running = true;
    this.loop = this.run(consumer);
  }

  /** Stop fetching, finish the batch in hand (its acks go out before NATS is drained). */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    await this.loop;
    this.logger.info('consumer stopped; in-flight messages settled');
  }

  isRunning(): boolean {
    return this.running;
  }

  private async run(consumer: Consumer): Promise<void> {
    while (this.running) {
      try {
        const batch = await consumer.fetch({
          max_messages: this.config.nats.fetchBatch,
          expires: FETCH_EXPIRES_MS,
        });
        for await (const message of batch) {
          await this.deliver(message);
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'fetching telemetry failed; retrying');
        await sleep(1000);
      }
    }
  }

  private async deliver(message: JsMsg): Promise<void> {
    const outcome = await this.service
      .handle({
        subject: message.subject,
        data: message.data,
        natsMsgId: message.headers?.get('Nats-Msg-Id') || undefined,
        deliveryId: `${message.info.stream}:${message.info.streamSequence}`,
      })
      .catch((error: unknown) => {
        this.logger.error({ err: error, subject: message.subject }, 'unexpected failure handling a message');
        return { action: 'nak' as const, delayMs: this.config.nats.retryDelayMs };
      });
    if (outcome.action === 'ack') {
      message.ack();
    } else {
      message.nak(outcome.delayMs);
    }
  }
}
