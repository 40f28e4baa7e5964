import type { PgPool, PrismaClient } from '@fleet/db';
import { Module } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/app-config.token.js';
import { PG_POOL, PRISMA } from '../database/database.tokens.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { AccessListener } from './access-listener.js';
import { LiveController } from './live.controller.js';
import { LiveService } from './live.service.js';
import { LiveDirectory } from './live-directory.js';
import { LiveHub } from './live-hub.js';

/**
 * The live stream (issue 8): one NATS subscription and one LISTEN connection per process, shared
 * by every open stream. Both serve all tenants, so they use the system clients (PRISMA, PG_POOL);
 * each stream filters by its caller's scope and principal (AccessRepository).
 */
@Module({
  controllers: [LiveController],
  providers: [
    {
      provide: LiveDirectory,
      useFactory: (prisma: PrismaClient) => new LiveDirectory(prisma),
      inject: [PRISMA],
    },
    {
      provide: LiveHub,
      useFactory: (config: AppConfig, directory: LiveDirectory, logger: Logger) =>
        new LiveHub(
          config.nats?.url,
          directory,
          logger.child({ module: 'live-hub' }),
          config.nats?.credsPath,
        ),
      inject: [APP_CONFIG, LiveDirectory, LOGGER],
    },
    {
      provide: AccessListener,
      useFactory: (pool: PgPool, logger: Logger) =>
        new AccessListener(pool, logger.child({ module: 'live-access' })),
      inject: [PG_POOL, LOGGER],
    },
    LiveService,
  ],
})
export class LiveModule {}
