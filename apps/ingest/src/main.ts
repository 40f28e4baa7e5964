import 'reflect-metadata';
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
  const app = await createIngestApp(config, logger);
  await app.listen(config.health.port, '0.0.0.0');
  logger.info({ url: await app.getUrl() }, 'ingest health endpoint listening');
}

main().catch((error: unknown) => {
  console.error('ingest: failed to start', error);
  process.exit(1);
});
