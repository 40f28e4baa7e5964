import { startTracing } from '@fleet/service-kit/tracing';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig } from './config/app-config.js';
import { createRootLogger } from './logging/root-logger.js';

// Composition root: the only module that reads process.env.
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`api: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createRootLogger(config.log);
  // Off unless OTEL_EXPORTER_OTLP_ENDPOINT is set (the standard variables configure the exporter).
  // Before the app, so the provider is global when the first request arrives.
  if (startTracing({ serviceName: 'api', env: process.env })) {
    logger.info('tracing on: spans go to the OTLP endpoint');
  }
  const app = await createApp(config, logger);
  await app.listen(config.http.port);
  logger.info({ url: await app.getUrl() }, 'api listening');
}

main().catch((error: unknown) => {
  console.error('api: failed to start', error);
  process.exit(1);
});
