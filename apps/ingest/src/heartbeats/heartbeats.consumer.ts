import { consumers, streams, subjectFilters } from '@fleet/telemetry';
import type { JsMsg } from '@nats-io/jetstream';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { AlarmEngine } from '../alarms/alarm-engine.js';
import { ALARM_ENGINE } from '../alarms/alarm-engine.token.js';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { applyStream, ensureDurableConsumer } from '../nats/jetstream-setup.js';
import { NatsClient } from '../nats/nats-client.js';
import { type PullLoop, startPullLoop } from '../nats/pull-loop.js';

/** Gateways handled at once (one gateway's heartbeats stay in order, so its points stay forward). */
const LANES = 4;

/**
 * The heartbeat intake's transport: the durable `ingest-heartbeats` on HEARTBEAT, each message
 * acked after the intake committed, nakked on a database failure. Runs with the alarm evaluator
 * (same pool, same rule cache), since its only consumer of the data is derived.spool_backlog.
 */
@Injectable()
export class HeartbeatsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private loop: PullLoop | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(NatsClient) private readonly nats: Pick<NatsClient, 'jetstream' | 'jetstreamManager'>,
    @Inject(ALARM_ENGINE) private readonly engine: AlarmEngine,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'heartbeats' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const jsm = await this.nats.jetstreamManager();
    await applyStream(jsm, streams.heartbeat, this.config.nats.streamReplicas);
    await ensureDurableConsumer(jsm, {
      stream: streams.heartbeat.name,
      durable: consumers.heartbeats,
      filterSubject: subjectFilters.heartbeat,
      ackWaitMs: this.config.nats.ackWaitMs,
    });
    const consumer = await (await this.nats.jetstream()).consumers.get(
      streams.heartbeat.name,
      consumers.heartbeats,
    );
    this.loop = startPullLoop(consumer, {
      what: 'heartbeats',
      maxMessages: 100,
      lanes: LANES,
      deliver: (message) => this.deliver(message),
      logger: this.logger,
    });
    this.logger.info({ durable: consumers.heartbeats }, 'taking heartbeats');
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop?.stop();
  }

  private async deliver(message: JsMsg): Promise<void> {
    try {
      await this.engine.heartbeats.handle({
        subject: message.subject,
        data: message.data,
        receivedAt: new Date(message.timestamp),
      });
      message.ack();
    } catch (error) {
      this.logger.warn({ err: error }, 'heartbeat intake failed; redelivering');
      message.nak(this.config.nats.retryDelayMs);
    }
  }
}
