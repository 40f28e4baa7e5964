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
  const app = await createApp(config, logger);
  await app.listen(config.http.port);
  logger.info({ url: await app.getUrl() }, 'api listening');
}

main().catch((error: unknown) => {
  console.error('api: failed to start', error);
  process.exit(1);
});
