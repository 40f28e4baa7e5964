import {
  AccessRepository,
  BmsStringRepository,
  createPgPool,
  createPrismaClient,
  createPrismaClientOnPool,
  type PgPool,
  type PrismaClient,
  ScopedPool,
  SiteRepository,
  TelemetryReadRepository,
  UserRepository,
} from '@fleet/db';
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { SCOPED_PG_POOL, SCOPED_PRISMA } from '../access/access.tokens.js';
import { currentRequestScope } from '../access/request-scope.js';
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

/** The request path's pool: each connection runs as the RLS role in the current request's scope. */
function createScopedPool(config: AppConfig, logger: Logger): ScopedPool {
  const pool = new ScopedPool({ connectionString: config.database.url, max: 10 }, currentRequestScope);
  pool.on('error', (error) => logger.warn({ err: error }, 'idle scoped database connection failed'));
  return pool;
}

/** Closes the pools on shutdown so the process exits and tests leave no connections behind. */
@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(PG_POOL) private readonly pool: PgPool,
    @Inject(SCOPED_PRISMA) private readonly scopedPrisma: PrismaClient,
    @Inject(SCOPED_PG_POOL) private readonly scopedPool: ScopedPool,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([this.prisma.$disconnect(), this.pool.end(), this.scopedPrisma.$disconnect()]);
    await this.scopedPool.end().catch(() => undefined);
  }
}

/**
 * The repositories of @fleet/db as providers. They are plain classes (packages/db imports no
 * Nest), so each is built by a factory from the shared clients. Two sets of clients: the
 * system ones (login, principal resolution: data that is not a tenant's) and the scoped ones,
 * under which every tenant-scoped repository of the request path runs (docs/access.md).
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
    { provide: SCOPED_PG_POOL, useFactory: createScopedPool, inject: [APP_CONFIG, LOGGER] },
    {
      provide: SCOPED_PRISMA,
      useFactory: (pool: ScopedPool) => createPrismaClientOnPool(pool),
      inject: [SCOPED_PG_POOL],
    },
    {
      provide: AccessRepository,
      useFactory: (prisma: PrismaClient) => new AccessRepository(prisma),
      inject: [PRISMA],
    },
    {
      provide: UserRepository,
      useFactory: (prisma: PrismaClient) => new UserRepository(prisma),
      inject: [PRISMA],
    },
    {
      provide: SiteRepository,
      useFactory: (prisma: PrismaClient) => new SiteRepository(prisma),
      inject: [SCOPED_PRISMA],
    },
    {
      provide: BmsStringRepository,
      useFactory: (prisma: PrismaClient) => new BmsStringRepository(prisma),
      inject: [SCOPED_PRISMA],
    },
    {
      provide: TelemetryReadRepository,
      useFactory: (pool: PgPool) => new TelemetryReadRepository(pool),
      inject: [SCOPED_PG_POOL],
    },
    DatabaseLifecycle,
  ],
  exports: [
    UserRepository,
    SiteRepository,
    BmsStringRepository,
    TelemetryReadRepository,
    AccessRepository,
    PG_POOL,
    SCOPED_PG_POOL,
    PRISMA,
    SCOPED_PRISMA,
  ],
})
export class DatabaseModule {}
