import { createPgPool, type PgPool, RollupRepository } from '@fleet/db';
import { Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { RollupService } from './rollup.service.js';

const ROLLUP_POOL = Symbol('ROLLUP_POOL');

/**
 * The rollup job has its own two connections, so a long backfill transaction never holds a
 * connection the telemetry writer is waiting for.
 */
function createRollupPool(config: IngestConfig, logger: Logger): PgPool {
  const pool = createPgPool(config.database.url, 2);
  pool.on('error', (error) => logger.warn({ err: error }, 'idle rollup connection failed'));
  return pool;
}

/** Stops the job (waiting for its transaction), then ends its pool: the order matters. */
@Injectable()
class RollupLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(RollupService) private readonly service: RollupService,
    @Inject(ROLLUP_POOL) private readonly pool: PgPool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.service.onApplicationShutdown();
    await this.pool.end().catch(() => undefined);
  }
}

@Module({
  providers: [
    { provide: ROLLUP_POOL, useFactory: createRollupPool, inject: [INGEST_CONFIG, LOGGER] },
    {
      provide: RollupRepository,
      useFactory: (pool: PgPool) => new RollupRepository(pool),
      inject: [ROLLUP_POOL],
    },
    {
      provide: RollupService,
      useFactory: (repo: RollupRepository, config: IngestConfig, logger: Logger) =>
        new RollupService(repo, config, logger),
      inject: [RollupRepository, INGEST_CONFIG, LOGGER],
    },
    RollupLifecycle,
  ],
})
export class RollupsModule {}
