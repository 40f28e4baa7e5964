import { setTimeout as sleep } from 'node:timers/promises';
import { streams } from '@fleet/telemetry';
import type { Consumer, ConsumerMessages, JsMsg } from '@nats-io/jetstream';
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
import { EventIngestService } from './event-ingest.service.js';
import { eventsSubscription } from './events-subscription.js';

/**
 * The event writer's transport: the durable `ingest-events` on EVENTS (eventsSubscription), one message at a time
 * (events are rare), acked after the service committed or refused it for good, nakked on a
 * transient failure.
 */
@Injectable()
export class EventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop: Promise<void> | undefined;
  private messages: ConsumerMessages | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(NatsClient) private readonly nats: Pick<NatsClient, 'jetstream' | 'jetstreamManager'>,
    @Inject(EventIngestService) private readonly service: EventIngestService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'events-consumer' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const jsm = await this.nats.jetstreamManager();
    await applyStream(jsm, streams.events);
    const { durable, filterSubject } = eventsSubscription(this.config.nats);
    await ensureDurableConsumer(jsm, {
      stream: streams.events.name,
      durable,
      filterSubject,
      ackWaitMs: this.config.nats.ackWaitMs,
    });
    const consumer = await (await this.nats.jetstream()).consumers.get(streams.events.name, durable);
    this.running = true;
    this.loop = this.run(consumer);
    this.logger.info({ durable, filterSubject }, 'consuming events');
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.messages?.stop();
    await this.loop;
  }

  private async run(consumer: Consumer): Promise<void> {
    while (this.running) {
      try {
        this.messages = await consumer.consume({ max_messages: 100 });
        for await (const message of this.messages) {
          await this.deliver(message);
        }
      } catch (error) {
        this.logger.warn({ err: error }, 'consuming events failed; retrying');
      }
      if (this.running) {
        await sleep(1000);
      }
    }
  }

  private async deliver(message: JsMsg): Promise<void> {
    const outcome = await this.service.handle({ subject: message.subject, data: message.data });
    if (outcome === 'ack') {
      message.ack();
    } else {
      message.nak(this.config.nats.retryDelayMs);
    }
  }
}
