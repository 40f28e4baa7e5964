import { streams } from '@fleet/telemetry';
import type { JsMsg } from '@nats-io/jetstream';
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
import { type PullLoop, startPullLoop } from '../nats/pull-loop.js';
import { EventIngestService } from './event-ingest.service.js';
import { eventsSubscription } from './events-subscription.js';

/**
 * The event writer's transport: the durable `ingest-events` on EVENTS (eventsSubscription), one message at a time
 * (events are rare), acked after the service committed or refused it for good, nakked on a
 * transient failure.
 */
@Injectable()
export class EventsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private loop: PullLoop | undefined;
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
    await applyStream(jsm, streams.events, this.config.nats.streamReplicas);
    const { durable, filterSubject } = eventsSubscription(this.config.nats);
    await ensureDurableConsumer(jsm, {
      stream: streams.events.name,
      durable,
      filterSubject,
      ackWaitMs: this.config.nats.ackWaitMs,
    });
    const consumer = await (await this.nats.jetstream()).consumers.get(streams.events.name, durable);
    this.loop = startPullLoop(consumer, {
      what: 'events',
      maxMessages: 100,
      deliver: (message) => this.deliver(message),
      logger: this.logger,
    });
    this.logger.info({ durable, filterSubject }, 'consuming events');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
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
