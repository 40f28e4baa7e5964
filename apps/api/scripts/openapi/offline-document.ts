import type { OpenAPIObject } from '@nestjs/swagger';
import { pino } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { buildOpenApiDocument } from '../../src/openapi/setup-openapi.js';

/**
 * Config that lets the whole app module be built with nothing running: pg pools and the Prisma
 * client connect on first query (never made here), no NATS_URL means no alarm publisher
 * connection, the notify worker is off, and the app is never `init`ed or `listen`ed, so no
 * lifecycle hook runs. Port 1 on loopback: should anything connect after all, it is refused.
 */
const OFFLINE_ENV = {
  DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/none',
  AUTH_SECRET: 'openapi-generator-not-a-secret-0123456789',
  NOTIFY_WORKER: 'off',
  LOG_LEVEL: 'silent',
};

/**
 * The API's OpenAPI document built from the real app module (every controller it registers,
 * including ones added later) without a database or NATS, exactly as createApp serves it.
 */
export async function buildOfflineOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await createApp(loadConfig(OFFLINE_ENV), pino({ level: 'silent' }));
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
