import { randomBytes } from 'node:crypto';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import { createTestDatabase, type TestDatabase, type TestDatabaseTarget } from '@fleet/db/testing';
import { subjects } from '@fleet/telemetry';
import { type PrivateNats, startPrivateNats } from '@fleet/test-kit';
import type { NatsConnection } from '@nats-io/transport-node';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import type { RunningApi } from '../support/start-api.js';
import { alarmEvent, telemetryBatch } from './live-messages.js';
import { type LivePlace, type LiveUser, type LiveWorld, seedLiveWorld } from './live-world.js';
import { SseClient } from './sse-client.js';

export interface LiveFixture {
  world: LiveWorld;
  /** Connects as the tables' owner (fixtures, grant updates by hand). */
  pool: PgPool;
  login(user: LiveUser): Promise<string>;
  /** Opens `GET /api/stream<query>` as the token's user. */
  stream(token: string, query?: string): Promise<SseClient>;
  call(token: string, method: string, path: string, body?: unknown): Promise<number>;
  /** A telemetry batch on the place's gateway with one pack sample of its string. */
  publishTelemetry(place: LivePlace, socPct: number): Promise<void>;
  /** An alarm.evt/1 `fired` event of `place` on `alarm.v1.<tenant>.<site>` of `subjectOf` (default: the same place). */
  publishAlarm(place: LivePlace, title: string, subjectOf?: LivePlace): Promise<void>;
}

/** A fresh database, a private nats-server and the real app with NATS_URL, for one test file. */
export function useLiveFixture(target: TestDatabaseTarget): LiveFixture {
  const f = {} as LiveFixture;
  let db: TestDatabase;
  let prisma: PrismaClient;
  let nats: PrivateNats;
  let client: NatsConnection;
  let api: RunningApi;
  let seq = 0;
  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    f.pool = createPgPool(db.url, 2);
    f.world = await seedLiveWorld(prisma);
    nats = await startPrivateNats();
    client = await nats.connect();
    api = await startLiveApi(db.url, nats.url);
  });
  afterAll(async () => {
    await api?.close();
    await client?.close();
    await nats?.stop();
    await prisma?.$disconnect();
    await f.pool?.end();
    await db?.drop();
  });
  f.login = async (user) => {
    const response = await fetch(`${api.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { token: string }).token;
  };
  f.stream = (token, query = '') => SseClient.open(`${api.baseUrl}/api/stream${query}`, token);
  f.call = async (token, method, path, body) => {
    const json = body === undefined ? {} : { body: JSON.stringify(body) };
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${api.baseUrl}/api${path}`, { method, headers, ...json });
    await response.text();
    return response.status;
  };
  f.publishTelemetry = async (place, socPct) => {
    seq += 1;
    client.publish(subjects.telemetry(place.gatewayId), telemetryBatch(place, seq, socPct));
    await client.flush();
  };
  f.publishAlarm = async (place, title, subjectOf = place) => {
    const subject = subjects.alarm(subjectOf.tenantId, subjectOf.siteId);
    client.publish(subject, JSON.stringify(alarmEvent(place, title)));
    await client.flush();
  };
  return f;
}

async function startLiveApi(databaseUrl: string, natsUrl: string): Promise<RunningApi> {
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
