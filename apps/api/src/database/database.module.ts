import {
  BmsStringRepository,
  createPgPool,
  createPrismaClient,
  type PgPool,
  type PrismaClient,
  SiteRepository,
  TelemetryReadRepository,
  UserRepository,
} from '@fleet/db';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { PG_POOL, PRISMA } from './database.tokens.js';

/**
 * A pool whose idle connection dies (database restart) emits 'error'; unhandled, that would
 * crash the process, so it is logged and the pool reconnects on next use.
 */
function createObservedPool(config: AppConfig, logger: Logger): PgPool {
  const pool = createPgPool(config.database.url);
  pool.on('error', (error) => logger.warn({ err: error }, 'idle database connection failed'));
  return pool;
}

/** Closes the pools on shutdown so the process exits and tests leave no connections behind. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(PG_POOL) private readonly pool: PgPool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.prisma.$disconnect(), this.pool.end()]);
  }
}

/**
 * The repositories of @fleet/db as providers. They are plain classes (packages/db imports no
 * Nest), so each is built by a factory from the shared clients.
 */
@Global()
@Module({
  providers: [
    {
      provide: PRISMA,
      useFactory: (config: AppConfig) => createPrismaClient(config.database.url),
      inject: [APP_CONFIG],
    },
    { provide: PG_POOL, useFactory: createObservedPool, inject: [APP_CONFIG, LOGGER] },
    {
      provide: UserRepository,
      useFactory: (prisma: PrismaClient) => new UserRepository(prisma),
      inject: [PRISMA],
    },
    {
      provide: SiteRepository,
      useFactory: (prisma: PrismaClient) => new SiteRepository(prisma),
      inject: [PRISMA],
    },
    {
      provide: BmsStringRepository,
      useFactory: (prisma: PrismaClient) => new BmsStringRepository(prisma),
      inject: [PRISMA],
    },
    {
      provide: TelemetryReadRepository,
      useFactory: (pool: PgPool) => new TelemetryReadRepository(pool),
      inject: [PG_POOL],
    },
    DatabaseLifecycle,
  ],
  exports: [UserRepository, SiteRepository, BmsStringRepository, TelemetryReadRepository],
})
export class DatabaseModule {}
