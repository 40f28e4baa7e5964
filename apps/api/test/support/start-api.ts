import { createAccount } from '@nats-io/nkeys';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';

/** The AWS IoT pre-provisioning hook's shared secret every test API is started with. */
export const TEST_PROVISIONING_SECRET = 'test-provisioning-hook-secret-0123456789';

export interface RunningApi {
  app: INestApplication;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The real HTTP app on an ephemeral port, built exactly as main.ts builds it, with a fresh NATS
 * account signing key so gateway credentials can be issued.
 */
export async function startApi(databaseUrl: string, authSecret: string): Promise<RunningApi> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    API_PORT: '0',
    NATS_ACCOUNT_SIGNING_SEED: new TextDecoder().decode(createAccount().getSeed()),
    PROVISIONING_HOOK_SECRET: TEST_PROVISIONING_SECRET,
  });
  const app = await createApp(config, pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, baseUrl, close: () => app.close() };
}
