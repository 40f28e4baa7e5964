import {
  BmsEventRepository,
  createPgPool,
  DataGapRepository,
  PackSampleRepository,
  type PgPool,
  StringRegistryRepository,
  TimePartitionRepository,
} from '@fleet/db';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';

export const PG_POOL = Symbol('PG_POOL');

/** An idle connection dying (database restart) emits 'error'; logged, the pool reconnects on use. */
function createObservedPool(config: IngestConfig, logger: Logger): PgPool {
  const pool = createPgPool(config.database.url);
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  return pool;
}

/** Closes the pool last, after the consumer finished its in-flight batch. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PG_POOL) private readonly pool: PgPool) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

/** The write-path repositories of @fleet/db (plain classes) as providers over one pool. */
@Global()
@Module({
  providers: [
    { provide: PG_POOL, useFactory: createObservedPool, inject: [INGEST_CONFIG, LOGGER] },
    {
      provide: PackSampleRepository,
      useFactory: (p: PgPool) => new PackSampleRepository(p),
      inject: [PG_POOL],
    },
    {
      provide: StringRegistryRepository,
      useFactory: (p: PgPool) => new StringRegistryRepository(p),
      inject: [PG_POOL],
    },
    {
      provide: TimePartitionRepository,
      useFactory: (p: PgPool) => new TimePartitionRepository(p),
      inject: [PG_POOL],
    },
    {
      provide: BmsEventRepository,
      useFactory: (p: PgPool) => new BmsEventRepository(p),
      inject: [PG_POOL],
    },
    {
      provide: DataGapRepository,
      useFactory: (p: PgPool) => new DataGapRepository(p),
      inject: [PG_POOL],
    },
    DatabaseLifecycle,
  ],
  exports: [
    PG_POOL,
    PackSampleRepository,
    StringRegistryRepository,
    TimePartitionRepository,
    BmsEventRepository,
    DataGapRepository,
  ],
})
export class DatabaseModule {}
