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
import { IngestMetrics } from '../metrics/ingest-metrics.js';
import { applyStream, ensureDurableConsumer } from '../nats/jetstream-setup.js';
import { NatsClient } from '../nats/nats-client.js';
import { startReceiveSpan } from '../tracing/message-spans.js';
import { messageGroups } from './message-groups.js';
import { TelemetryIngestService } from './telemetry-ingest.service.js';

/**
 * The transport: keeps up to INGEST_FETCH_BATCH messages pulled from the durable consumer
 * (`consume`, which re-pulls as the buffer drains), hands them to the service in groups of up
 * to INGEST_STORE_BATCH (one transaction each), and acks or naks each message as the service
 * decides, only after the group's commit. Thin on purpose; everything else is in
 * TelemetryIngestService.
 */
@Injectable()
export class TelemetryConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private running = false;
  private loop: Promise<void> | undefined;
  private messages: ConsumerMessages | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(TelemetryIngestService) private readonly service: TelemetryIngestService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
    @Inject(IngestMetrics) private readonly metrics: IngestMetrics,
  ) {
    this.logger = logger.child({ module: 'telemetry-consumer' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const jsm = await this.nats.jetstreamManager();
    for (const definition of Object.values(streams)) {
      const how = await applyStream(jsm, definition, this.config.nats.streamReplicas);
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
    // Ends the message iterator; the group in hand is still written and acked.
    this.messages?.stop();
    await this.loop;
    this.logger.info('consumer stopped; in-flight messages settled');
  }

  isRunning(): boolean {
    return this.running;
  }

  private async run(consumer: Consumer): Promise<void> {
    const { storeBatch, concurrency, batchIdleMs } = this.config.write;
    while (this.running) {
      try {
        this.messages = await consumer.consume({
          max_messages: this.config.nats.fetchBatch,
          expires: this.config.nats.pullExpiresMs,
        });
        // Up to `concurrency` groups in flight: while one commits, the next is parsed and
        // copied. Order between groups does not matter (ledger and primary key decide).
        const inFlight = new Set<Promise<void>>();
        for await (const group of messageGroups(this.messages, storeBatch, batchIdleMs)) {
          const delivery: Promise<void> = this.deliver(group).finally(() => inFlight.delete(delivery));
          inFlight.add(delivery);
          if (inFlight.size >= concurrency) {
            await Promise.race(inFlight);
          }
        }
        await Promise.all(inFlight);
      } catch (error) {
        this.logger.warn({ err: error }, 'consuming telemetry failed; retrying');
      }
      if (this.running) {
        await sleep(1000);
      }
    }
  }

  private async deliver(messages: JsMsg[]): Promise<void> {
    const received = messages.map((message) => {
      const natsMsgId = message.headers?.get('Nats-Msg-Id') || undefined;
      const deliveryId = `${message.info.stream}:${message.info.streamSequence}`;
      const { span, context } = startReceiveSpan(
        message.subject,
        (name) => message.headers?.get(name) || undefined,
        { 'messaging.message.id': natsMsgId ?? deliveryId, 'fleet.delivery_id': deliveryId },
      );
      return {
        span,
        inbound: { subject: message.subject, data: message.data, natsMsgId, deliveryId, trace: context },
      };
    });
    const done = this.metrics.startBatchTimer();
    const outcomes = await this.service
      .handleMany(received.map((r) => r.inbound))
      .then((result) => {
        done('ok');
        return result;
      })
      .catch((error: unknown) => {
        done('failed');
        this.logger.error({ err: error, messages: messages.length }, 'unexpected failure handling messages');
        return messages.map(() => ({ action: 'nak' as const, delayMs: this.config.nats.retryDelayMs }));
      });
    messages.forEach((message, i) => {
      const outcome = outcomes[i];
      const span = received[i]?.span;
      if (outcome?.action === 'ack') {
        message.ack();
        span?.setAttribute('fleet.outcome', outcome.result);
      } else {
        message.nak(outcome?.delayMs ?? this.config.nats.retryDelayMs);
        span?.setAttribute('fleet.outcome', 'retry');
      }
      span?.end();
    });
  }
}
