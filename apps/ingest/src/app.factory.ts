import { NestLogger } from '@fleet/service-kit/nest';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ingestModule } from './app.module.js';
import type { IngestConfig } from './config/ingest-config.js';
import type { Logger } from './logging/root-logger.js';

/** Builds the ingest app (consumer + health endpoint); shared by main.ts and tests. */
export async function createIngestApp(config: IngestConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create(ingestModule(config, logger), {
    logger: new NestLogger(logger.child({ module: 'nest' })),
  });
  return app;
}
