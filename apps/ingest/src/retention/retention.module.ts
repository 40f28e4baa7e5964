import { createPgPool, type PgPool, probeTimescaleCapabilities, RetentionRepository } from '@fleet/db';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { RetentionService } from './retention.service.js';

const RETENTION_POOL = Symbol('RETENTION_POOL');

/** One connection of its own: a daily job must not take the writer's connections. */
function createRetentionPool(config: IngestConfig, logger: Logger): PgPool {
  const pool = createPgPool(config.database.url, 1);
  pool.on('error', (error) => logger.warn({ err: error }, 'idle retention connection failed'));
  return pool;
}

/** Stops the job (waiting for a pass in flight), then ends its pool. */
@Injectable()
class RetentionLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RetentionService) private readonly service: RetentionService,
    @Inject(RETENTION_POOL) private readonly pool: PgPool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.service.onApplicationShutdown();
    await this.pool.end().catch(() => undefined);
  }
}

@Module({
  providers: [
    { provide: RETENTION_POOL, useFactory: createRetentionPool, inject: [INGEST_CONFIG, LOGGER] },
    {
      provide: RetentionService,
      useFactory: (pool: PgPool, config: IngestConfig, logger: Logger) =>
        new RetentionService(
          new RetentionRepository(pool, config.retention),
          () => probeTimescaleCapabilities(pool),
          config,
          logger,
        ),
      inject: [RETENTION_POOL, INGEST_CONFIG, LOGGER],
    },
    RetentionLifecycle,
  ],
})
export class RetentionModule {}
