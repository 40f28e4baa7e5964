import { metricsHandler } from '@fleet/service-kit/metrics';
import { NestLogger } from '@fleet/service-kit/nest';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { requestScope } from './access/request-scope.js';
import { appModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { requestContext } from './logging/request-context.middleware.js';
import type { Logger } from './logging/root-logger.js';
import { ApiMetrics } from './metrics/api-metrics.js';
import { httpMetrics } from './metrics/http-metrics.middleware.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { httpSpans } from './tracing/http-spans.middleware.js';

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
  // Outside /api, the guards and OpenAPI: infrastructure, not a tenant route. Served to loopback
  // and to a bearer METRICS_TOKEN only; labels never carry ids or tenants. Before requestContext,
  // so scrapes do not fill the request log.
  const metrics = app.get(ApiMetrics);
  app.use('/metrics', metricsHandler(metrics.registry, config.metrics));
  // After /metrics (scrapes make no spans), before the rest: guards, handlers and the alarm
  // publish run inside the request's span.
  app.use(httpSpans());
  app.use(httpMetrics(metrics));
  app.use(requestContext(logger));
  app.setGlobalPrefix(GLOBAL_PREFIX);
  // No enableShutdownHooks: main.ts handles the signals, so the spans are flushed after app.close().
  setupOpenApi(app);
  return app;
}
