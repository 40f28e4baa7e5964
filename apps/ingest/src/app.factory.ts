import { metricsHandler } from '@fleet/service-kit/metrics';
import { NestLogger } from '@fleet/service-kit/nest';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ingestModule } from './app.module.js';
import type { IngestConfig } from './config/ingest-config.js';
import type { Logger } from './logging/root-logger.js';
import { IngestMetrics } from './metrics/ingest-metrics.js';

/** Builds the ingest app (consumer + health and metrics endpoints); shared by main.ts and tests. */
export async function createIngestApp(config: IngestConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create(ingestModule(config, logger), {
    logger: new NestLogger(logger.child({ module: 'nest' })),
  });
  // The health port is internal (probes, Prometheus) and the metrics hold no tenant data, so
  // they are served to any caller there, like /health.
  app.use('/metrics', metricsHandler(app.get(IngestMetrics).registry, { open: true }));
  return app;
}
