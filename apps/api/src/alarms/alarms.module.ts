import {
  AlarmReadRepository,
  AlarmRuleSetRepository,
  AlarmStore,
  createPgPool,
  MaintenanceWindowRepository,
  type PgPool,
} from '@fleet/db';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { SCOPED_PG_POOL } from '../access/access.tokens.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { AlarmEventsPublisher } from './alarm-events.publisher.js';
import { AlarmRulesController } from './alarm-rules.controller.js';
import { AlarmRulesService } from './alarm-rules.service.js';
import { AlarmsController } from './alarms.controller.js';
import { AlarmsService } from './alarms.service.js';
import { ALARM_POOL } from './alarms.tokens.js';
import { MaintenanceWindowsController } from './maintenance-windows.controller.js';
import { MaintenanceWindowsService } from './maintenance-windows.service.js';

@Injectable()
class AlarmClientsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(ALARM_POOL) private readonly pool: PgPool,
    @Inject(AlarmEventsPublisher) private readonly publisher: AlarmEventsPublisher,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.publisher.close();
    await this.pool.end().catch(() => undefined);
  }
}

/** Request-path repositories run on the scoped pool (row-level security in the caller's scope). */
const withPool = <T>(make: (pool: PgPool) => T) => ({ useFactory: make, inject: [SCOPED_PG_POOL] });

/**
 * Alarm inbox, lifecycle, rules and maintenance windows (issue 7). The outbox relay (publisher)
 * serves every tenant and has its own small system pool.
 */
@Module({
  controllers: [AlarmsController, AlarmRulesController, MaintenanceWindowsController],
  providers: [
    {
      provide: ALARM_POOL,
      useFactory: (config: AppConfig, logger: Logger) => {
        const pool = createPgPool(config.database.url, 4);
        pool.on('error', (error) => logger.warn({ err: error }, 'idle alarm database connection failed'));
        return pool;
      },
      inject: [APP_CONFIG, LOGGER],
    },
    { provide: AlarmStore, ...withPool((p) => new AlarmStore(p)) },
    { provide: AlarmReadRepository, ...withPool((p) => new AlarmReadRepository(p)) },
    { provide: AlarmRuleSetRepository, ...withPool((p) => new AlarmRuleSetRepository(p)) },
    { provide: MaintenanceWindowRepository, ...withPool((p) => new MaintenanceWindowRepository(p)) },
    {
      provide: AlarmEventsPublisher,
      useFactory: (pool: PgPool, config: AppConfig, logger: Logger) =>
        new AlarmEventsPublisher(
          pool,
          config.nats?.url,
          logger.child({ module: 'alarm-events' }),
          config.nats?.credsPath,
        ),
      inject: [ALARM_POOL, APP_CONFIG, LOGGER],
    },
    AlarmsService,
    AlarmRulesService,
    MaintenanceWindowsService,
    AlarmClientsLifecycle,
  ],
})
export class AlarmsModule {}
