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
  const tracing = startTracing({ serviceName: 'api', env: process.env });
  if (tracing) {
    logger.info('tracing on: spans go to the OTLP endpoint');
  }
  const app = await createApp(config, logger);
  await app.listen(config.http.port);
  logger.info({ url: await app.getUrl() }, 'api listening');
  // app.close() runs the shutdown hooks (the notify worker finishes its sends, the alarm publisher
  // its publish, pools close); only then is the span processor flushed, so the spans those hooks
  // end reach the exporter too (the batch processor would otherwise drop up to 5 s of spans).
  // Handled here, not with enableShutdownHooks, which re-raises the signal right after the hooks.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      app
        .close()
        // A collector that is away costs its spans, not a clean stop.
        .then(() =>
          tracing?.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'span flush failed')),
        )
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
  console.error('api: failed to start', error);
  process.exit(1);
});
