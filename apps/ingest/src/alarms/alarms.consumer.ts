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
import type { AlarmEngine } from './alarm-engine.js';

import { ALARM_ENGINE } from './alarm-engine.token.js';

/** Gateways evaluated at once (one gateway's batches in stream order); within the alarm pool's 4 connections plus reads. */
const LANES = 4;

/**
 * The evaluator's transport: its own durable consumer on TELEMETRY (so the write path never waits
 * for alarm work), several gateways at once but each gateway's batches in stream order, each
 * message acked after its transactions commit;
 * plus the sweep and outbox timers. Unpublished events of an earlier run are published at start.
 */
@Injectable()
export class AlarmsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private loop: PullLoop | undefined;
  private timers: NodeJS.Timeout[] = [];
  private readonly logger: Logger;

  constructor(
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(ALARM_ENGINE) private readonly engine: AlarmEngine,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'alarms' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const jsm = await this.nats.jetstreamManager();
    await applyStream(jsm, streams.telemetry, this.config.nats.streamReplicas);
    await applyStream(jsm, streams.alarms, this.config.nats.streamReplicas);
    const { consumer: durable, filterSubject, sweepEveryS, outboxEveryMs } = this.config.alarms;
    await ensureDurableConsumer(jsm, {
      stream: streams.telemetry.name,
      durable,
      filterSubject,
      ackWaitMs: this.config.nats.ackWaitMs,
    });
    const consumer = await (await this.nats.jetstream()).consumers.get(streams.telemetry.name, durable);
    this.loop = startPullLoop(consumer, {
      what: 'telemetry for alarms',
      maxMessages: 100,
      lanes: LANES,
      deliver: (message) => this.deliver(message),
      logger: this.logger,
    });
    this.every(outboxEveryMs, () => this.engine.relay.flush());
    if (sweepEveryS > 0) {
      this.every(sweepEveryS * 1000, () => this.engine.sweeper.sweep());
    }
    void this.engine.relay.flush();
    this.logger.info({ durable, filterSubject }, 'evaluating alarms');
  }

  async beforeApplicationShutdown(): Promise<void> {
    for (const timer of this.timers) {
      clearInterval(timer);
    }
    await this.loop?.stop();
    await this.engine.relay.flush();
  }

  counters(): Record<string, number> {
    return { ...this.engine.counters.counts, published: this.engine.relay.published };
  }

  private every(ms: number, work: () => Promise<void>): void {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) {
        return;
      }
      busy = true;
      work()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'alarm timer work failed'))
        .finally(() => {
          busy = false;
        });
    }, ms);
    timer.unref();
    this.timers.push(timer);
  }

  private async deliver(message: JsMsg): Promise<void> {
    const outcome = await this.engine.evaluator
      .handle({
        subject: message.subject,
        data: message.data,
        deliveryCount: message.info.deliveryCount,
        // NATS answers '' for a missing header.
        header: (name) => message.headers?.get(name) || undefined,
      })
      .catch((error: unknown) => {
        this.logger.warn({ err: error }, 'alarm evaluation failed; redelivering');
        return { action: 'nak' as const, delayMs: this.config.nats.retryDelayMs };
      });
    if (outcome.action === 'ack') {
      message.ack();
    } else {
      message.nak(outcome.delayMs);
    }
  }
}
