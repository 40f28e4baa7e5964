import { createPgPool, type PgPool } from '@fleet/db';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { HeartbeatsConsumer } from '../heartbeats/heartbeats.consumer.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { NatsClient } from '../nats/nats-client.js';
import { createAlarmEngine } from './alarm-engine.js';
import { ALARM_ENGINE } from './alarm-engine.token.js';
import { AlarmsConsumer } from './alarms.consumer.js';
import { jetStreamAlarmPublisher } from './jetstream-alarm-publisher.js';

const ALARM_POOL = Symbol('ALARM_POOL');

/** Its own small pool, so alarm transactions never take connections from the write path. */
@Injectable()
class AlarmPoolLifecycle implements OnApplicationShutdown {
  constructor(@Inject(ALARM_POOL) private readonly pool: PgPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

/** Alarm evaluation (issue 7): consumers (telemetry, heartbeats), sweep and outbox relay; its own NATS connection and pool. */
@Module({
  providers: [
    NatsClient,
    {
      provide: ALARM_POOL,
      useFactory: (config: IngestConfig, logger: Logger) => {
        const pool = createPgPool(config.database.url, 4);
        pool.on('error', (error) => logger.warn({ err: error }, 'idle alarm database connection failed'));
        return pool;
      },
      inject: [INGEST_CONFIG, LOGGER],
    },
    {
      provide: ALARM_ENGINE,
      useFactory: (pool: PgPool, nats: NatsClient, config: IngestConfig, logger: Logger) =>
        createAlarmEngine({
          pool,
          config: config.alarms,
          logger: logger.child({ module: 'alarms' }),
          publisher: jetStreamAlarmPublisher(() => nats.jetstream()),
        }),
      inject: [ALARM_POOL, NatsClient, INGEST_CONFIG, LOGGER],
    },
    AlarmPoolLifecycle,
    AlarmsConsumer,
    HeartbeatsConsumer,
  ],
})
export class AlarmsModule {}
