import { randomBytes } from 'node:crypto';
import { AlarmStore, createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import { createTestDatabase, type TestDatabase, type TestDatabaseTarget } from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import { type PrivateNats, startPrivateNats } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { seedTwoTenants, type TwoTenants } from '../support/seed-two-tenants.js';
import { type RunningApi, startApi } from '../support/start-api.js';

export interface AlarmApiFixture {
  seed: TwoTenants;
  pool: PgPool;
  prisma: PrismaClient;
  /** A client of the private nats-server (only with `{ nats: true }`). */
  nats?: NatsConnection;
  /** JSON request as the user; returns status and parsed body. */
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked by the tests' assertions
  call(token: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>;
  login(who: { email: string; password: string }): Promise<string>;
  /** An open alarm of tenant A's string, fired by the system (seq 1), as ingest would write it. */
  fireAlarm(code?: string): Promise<string>;
}

/** With `nats`, the api gets NATS_URL of a private nats-server that has the ALARMS stream. */
export function useAlarmApiFixture(
  target: TestDatabaseTarget,
  options: { nats?: boolean } = {},
): AlarmApiFixture {
  const f = {} as AlarmApiFixture;
  let db: TestDatabase;
  let prisma: PrismaClient;
  let api: RunningApi;
  let nats: PrivateNats | undefined;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    f.prisma = prisma;
    f.pool = createPgPool(db.url, 2);
    f.seed = await seedTwoTenants(prisma, f.pool);
    if (options.nats) {
      nats = await startPrivateNats();
      f.nats = await nats.connect();
      await (await jetstreamManager(f.nats)).streams.add({
        name: streams.alarms.name,
        subjects: [...streams.alarms.subjects],
      });
      api = await startAlarmApi(db.url, nats.url);
    } else {
      api = await startApi(db.url, randomBytes(32).toString('hex'));
    }
  });
  afterAll(async () => {
    await api?.close();
    await f.nats?.close();
    await nats?.stop();
    await prisma?.$disconnect();
    await f.pool?.end();
    await db?.drop();
  });
  f.call = async (token, method, path, body) => {
    const response = await fetch(`${api.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };
  f.login = async (who) => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: who.email, password: who.password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  f.fireAlarm = async (code = 'hv.protection.cell_high_voltage') => {
    const { a } = f.seed;
    const { rows } = await f.pool.query<{ tenant_id: string }>('SELECT tenant_id FROM site WHERE id = $1', [
      a.siteId,
    ]);
    const at = new Date('2026-12-20T10:00:00Z');
    return new AlarmStore(f.pool).transaction(async (tx) => {
      const alarm = await tx.insertAlarm({
        tenantId: rows[0]!.tenant_id,
        siteId: a.siteId,
        stringId: a.stringId,
        gatewayId: a.gatewayId,
        subjectKey: `string:${a.stringId}`,
        code,
        title: 'Cell high voltage',
        severity: 'critical',
        count: 1,
        flapping: false,
        firedAt: at,
      });
      await tx.transition(alarm, {}, { transition: 'fired', actor: 'system', at, notify: true });
      return alarm.id;
    });
  };
  return f;
}

/** The app as startApi builds it, plus NATS_URL (the notification worker off: not under test here). */
async function startAlarmApi(databaseUrl: string, natsUrl: string): Promise<RunningApi> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    API_PORT: '0',
    NATS_URL: natsUrl,
    NOTIFY_WORKER: 'off',
  });
  const app = await createApp(config, pino({ level: 'silent' }));
  await app.listen(0, '127.0.0.1');
  const baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, baseUrl, close: () => app.close() };
}
