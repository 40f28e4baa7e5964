import {
  NotificationChannelRepository,
  NotificationDeliveryRepository,
  NotificationPreferenceRepository,
  type PgPool,
  UserRepository,
} from '@fleet/db';
import { consumers } from '@fleet/telemetry';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NotifyConfig } from '../config/notify-config.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { NOTIFY_CONFIG, NOTIFY_PG_POOL } from './notifications.tokens.js';
import { ProviderRegistry } from './providers/provider-registry.js';
import { AlarmEventConsumer } from './worker/alarm-event.consumer.js';
import { DeliveryScheduler } from './worker/delivery.scheduler.js';
import { DigestJob } from './worker/digest.job.js';
import { FanOutService } from './worker/fan-out.service.js';
import { NotifyStats } from './worker/notify-stats.js';
import { NotifyWorker } from './worker/notify-worker.js';

/**
 * Runs the fan-out worker inside the api process when configured (NATS_URL set and
 * NOTIFY_WORKER not `off`); an api started without it serves HTTP only. Owns the fan-out's
 * pool's shutdown, so the pool closes after the worker's last attempt is recorded.
 */
@Injectable()
export class NotifyWorkerLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker: NotifyWorker | undefined;
  private readonly logger: Logger;

  constructor(
    @Inject(NOTIFY_CONFIG) private readonly config: NotifyConfig,
    @Inject(LOGGER) logger: Logger,
    @Inject(FanOutService) private readonly fanOut: FanOutService,
    @Inject(NotifyStats) private readonly stats: NotifyStats,
    @Inject(ProviderRegistry) private readonly registry: ProviderRegistry,
    @Inject(NotificationChannelRepository) private readonly channels: NotificationChannelRepository,
    @Inject(NotificationDeliveryRepository) private readonly deliveries: NotificationDeliveryRepository,
    @Inject(NotificationPreferenceRepository) private readonly preferences: NotificationPreferenceRepository,
    @Inject(NOTIFY_PG_POOL) private readonly pool: PgPool,
    @Inject(UserRepository) private readonly users: UserRepository,
  ) {
    this.logger = logger.child({ module: 'notify' });
  }

  async onApplicationBootstrap(): Promise<void> {
    const { worker } = this.config;
    if (!worker) {
      this.logger.info('notification worker off (no NATS_URL, or NOTIFY_WORKER=off)');
      return;
    }
    const { config, logger } = this;
    this.worker = new NotifyWorker(
      new AlarmEventConsumer(
        worker.natsUrl,
        worker.consumer ?? consumers.notify,
        this.fanOut,
        this.stats,
        logger,
        worker.natsCredsPath,
      ),
      new DeliveryScheduler({
        config,
        deliveries: this.deliveries,
        channels: this.channels,
        preferences: this.preferences,
        registry: this.registry,
        stats: this.stats,
        logger,
      }),
      new DigestJob(config, this.preferences, this.deliveries, logger, this.users),
      Math.min(30_000, config.pollMs * 10),
      logger,
    );
    await this.worker.start();
  }

  /** For readiness: `off` when this api runs no worker, else whether its NATS link is up. */
  natsState(): 'ok' | 'down' | 'off' {
    if (!this.config.worker) {
      return 'off';
    }
    return this.worker?.natsConnected() ? 'ok' : 'down';
  }

  /** Stops the loops first (in-flight sends record their attempts), then closes the pool. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.stop();
    await this.pool.end().catch(() => undefined);
  }
}
