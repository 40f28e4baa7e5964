import { NestLogger } from '@fleet/service-kit/nest';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { requestScope } from './access/request-scope.js';
import { appModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { requestContext } from './logging/request-context.middleware.js';
import type { Logger } from './logging/root-logger.js';
import { setupOpenApi } from './openapi/setup-openapi.js';

export const GLOBAL_PREFIX = 'api';

/** Builds the whole HTTP app; shared by main.ts and the medium tests so both run the same thing. */
export async function createApp(config: AppConfig, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create(appModule(config, logger), {
    logger: new NestLogger(logger.child({ module: 'nest' })),
  });
  // No framework fingerprint in responses.
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  // First: every later step of a request runs inside its scope store (row-level security).
  app.use(requestScope());
  app.use(requestContext(logger));
  app.setGlobalPrefix(GLOBAL_PREFIX);
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
