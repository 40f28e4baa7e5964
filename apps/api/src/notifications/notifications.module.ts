import {
  createPgPool,
  NotificationChannelRepository,
  NotificationDeliveryRepository,
  NotificationPreferenceRepository,
  type PgPool,
  UserRepository,
} from '@fleet/db';
import { Module } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import type { NotifyConfig } from '../config/notify-config.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { ChannelsController } from './http/channels.controller.js';
import { ChannelsService } from './http/channels.service.js';
import { DeliveriesController } from './http/deliveries.controller.js';
import { DeliveriesService } from './http/deliveries.service.js';
import { PreferencesController } from './http/preferences.controller.js';
import { PreferencesService } from './http/preferences.service.js';
import {
  HTTP_CHANNELS,
  HTTP_DELIVERIES,
  HTTP_PREFERENCES,
  NOTIFY_CONFIG,
  NOTIFY_PG_POOL,
} from './notifications.tokens.js';
import { NotifyWorkerLifecycle } from './notify-worker.lifecycle.js';
import { ProviderRegistry } from './providers/provider-registry.js';
import { SecretBox } from './secret-box.js';
import { FanOutService } from './worker/fan-out.service.js';
import { NotifyMetrics } from './worker/notify-metrics.js';
import { NotifyStats } from './worker/notify-stats.js';

function createNotifyPool(config: AppConfig, logger: Logger): PgPool {
  const pool = createPgPool(config.database.url, 5);
  pool.on('error', (error) => logger.warn({ err: error }, 'idle notify database connection failed'));
  return pool;
}

const repository = <T>(Repo: new (pool: PgPool) => T) => ({
  provide: Repo,
  useFactory: (pool: PgPool) => new Repo(pool),
  inject: [NOTIFY_PG_POOL],
});

const scoped = <T>(token: symbol, Repo: new (pool: PgPool) => T) => ({
  provide: token,
  useFactory: (pool: PgPool) => new Repo(pool),
  inject: [SCOPED_PG_POOL],
});

/**
 * Notification fan-out (issue 7): channel/preference/subscription endpoints, the deliveries of an
 * alarm, and the worker that turns ALARMS events into delivered notices.
 */
@Module({
  controllers: [ChannelsController, PreferencesController, DeliveriesController],
  providers: [
    { provide: NOTIFY_CONFIG, useFactory: (config: AppConfig) => config.notify, inject: [APP_CONFIG] },
    { provide: NOTIFY_PG_POOL, useFactory: createNotifyPool, inject: [APP_CONFIG, LOGGER] },
    repository(NotificationChannelRepository),
    repository(NotificationPreferenceRepository),
    repository(NotificationDeliveryRepository),
    scoped(HTTP_CHANNELS, NotificationChannelRepository),
    scoped(HTTP_PREFERENCES, NotificationPreferenceRepository),
    scoped(HTTP_DELIVERIES, NotificationDeliveryRepository),
    {
      provide: SecretBox,
      useFactory: (c: NotifyConfig) => new SecretBox(c.secretKey),
      inject: [NOTIFY_CONFIG],
    },
    {
      provide: ProviderRegistry,
      useFactory: (c: NotifyConfig, s: SecretBox, p: NotificationPreferenceRepository, u: UserRepository) =>
        new ProviderRegistry(c, s, p, u),
      inject: [NOTIFY_CONFIG, SecretBox, NotificationPreferenceRepository, UserRepository],
    },
    NotifyStats,
    NotifyMetrics,
    FanOutService,
    ChannelsService,
    DeliveriesService,
    PreferencesService,
    NotifyWorkerLifecycle,
  ],
  // Health's readiness asks the worker whether its NATS link is up.
  exports: [NotifyWorkerLifecycle],
})
export class NotificationsModule {}
