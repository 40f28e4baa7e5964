import 'reflect-metadata';
import { startTracing } from '@fleet/service-kit/tracing';
import { createIngestApp } from './app.factory.js';
import { ConfigError, type IngestConfig, loadIngestConfig } from './config/ingest-config.js';
import { createRootLogger } from './logging/root-logger.js';

// Composition root: the only module that reads process.env.
async function main(): Promise<void> {
  let config: IngestConfig;
  try {
    config = loadIngestConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`ingest: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.log);
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variables configure the exporter).
  const tracing = startTracing({ serviceName: 'ingest', env: process.env });
  if (tracing) {
    logger.info('tracing on: spans go to the OTLP endpoint');
  }
  const app = await createIngestApp(config, logger);
  await app.listen(config.health.port, '0.0.0.0');
  logger.info({ url: await app.getUrl() }, 'ingest health endpoint listening');
  // app.close() runs the shutdown hooks: stop fetching, finish the batch in hand, drain NATS,
  // close the pool. Handled here (not enableShutdownHooks, which re-raises the signal) so a
  // clean stop exits 0.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      app
        .close()
        .then(() => tracing?.shutdown())
        .then(() => {
          logger.info('stopped cleanly');
          process.exit(0);
        })
        .catch((error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        });
    });
  }
}

main().catch((error: unknown) => {
  console.error('ingest: failed to start', error);
  process.exit(1);
});
