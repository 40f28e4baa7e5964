import { randomBytes } from 'node:crypto';
import { createPgPool, createPrismaClient, type PgPool } from '@fleet/db';
import {
  createSite,
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  type TestDatabaseTarget,
} from '@fleet/db/testing';
import { connect, credsAuthenticator, type NatsConnection } from '@nats-io/transport-node';
import { pino } from 'pino';
import { afterAll, beforeAll, expect } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { type OperatorNats, startOperatorNats } from './operator-nats.js';

/** What POST /gateways/{id}/credentials answers. */
export interface Issued {
  userPublicKey: string;
  revokedKeys: string[];
  inboxPrefix: string;
  creds: string;
}

/**
 * A nats-server in operator mode and the real API configured with its account signing key, on a
 * fresh database with tenant A (installer, one site, gateways gw-alpha and gw-beta registered
 * through the API) and tenant B (an installer with nothing). Filled in before the first test.
 */
export interface GatewayApi {
  nats: OperatorNats;
  /** Owner connection to the test database (no row-level security), for looking at stored rows. */
  pool: PgPool;
  /** The test database, for connections of another role (ScopedPool). */
  dbUrl: string;
  siteId: string;
  /** The API's origin (`http://127.0.0.1:<port>`), for public routes. */
  baseUrl: string;
  tenants: { a: string; b: string };
  tokens: { a: string; b: string };
  call(method: string, path: string, token: string, body?: unknown): Promise<Response>;
  /** Issues (rotates) credentials as tenant A's installer, asserting 201. */
  issue(gatewayId: string): Promise<Issued>;
  /** Connects as the gateway with issued creds, the way the agent must (its inbox prefix). */
  gatewayConnection(issued: Issued): Promise<NatsConnection>;
}

export function useGatewayApi(target: TestDatabaseTarget): GatewayApi {
  let db: TestDatabase | undefined;
  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let base = '';
  const fixture = { tokens: { a: '', b: '' }, tenants: { a: '', b: '' }, siteId: '' } as GatewayApi;
  fixture.call = (method, path, token, body) =>
    fetch(`${base}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  fixture.issue = async (gatewayId) => {
    const response = await fixture.call('POST', `/gateways/${gatewayId}/credentials`, fixture.tokens.a);
    expect(response.status).toBe(201);
    return (await response.json()) as Issued;
  };
  fixture.gatewayConnection = (issued) =>
    connect({
      servers: fixture.nats.url,
      reconnect: false,
      inboxPrefix: issued.inboxPrefix,
      authenticator: credsAuthenticator(new TextEncoder().encode(issued.creds)),
    });

  beforeAll(async () => {
    fixture.nats = await startOperatorNats();
    db = await createTestDatabase(target);
    fixture.pool = createPgPool(db.url, 2);
    fixture.dbUrl = db.url;
    const config = loadConfig({
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      API_PORT: '0',
      NATS_ACCOUNT_SIGNING_SEED: new TextDecoder().decode(fixture.nats.signingKey.getSeed()),
      NATS_ACCOUNT_PUBLIC_KEY: fixture.nats.account.getPublicKey(),
    });
    app = await createApp(config, pino({ level: 'silent' }));
    await app.listen(0, '127.0.0.1');
    base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    fixture.baseUrl = base;
    const seeded = await seed(db.url);
    fixture.siteId = seeded.siteId;
    fixture.tenants = seeded.tenants;
    fixture.tokens.a = await login(base, seeded.a);
    fixture.tokens.b = await login(base, seeded.b);
    for (const id of ['gw-alpha', 'gw-beta']) {
      const registered = await fixture.call('POST', `/sites/${seeded.siteId}/gateways`, fixture.tokens.a, {
        id,
        name: id,
      });
      expect(registered.status).toBe(201);
    }
  });

  afterAll(async () => {
    await app?.close();
    await fixture.pool?.end();
    await db?.drop();
    await fixture.nats?.stop();
  });

  return fixture;
}

/** Tenant A's installer with one site, and tenant B's installer with nothing. */
async function seed(url: string) {
  const prisma = createPrismaClient(url);
  try {
    const a = await createTenant(prisma, { name: 'Alpha', kind: 'installer' });
    const b = await createTenant(prisma, { name: 'Beta', kind: 'installer' });
    const site = await createSite(prisma, { tenantId: a.id, name: 'Alpha site' });
    const ua = await createUser(prisma, { tenantId: a.id, role: 'installer' });
    const ub = await createUser(prisma, { tenantId: b.id, role: 'installer' });
    return { siteId: site.id, tenants: { a: a.id, b: b.id }, a: ua, b: ub };
  } finally {
    await prisma.$disconnect();
  }
}

async function login(base: string, who: { email: string; password: string }): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: who.email, password: who.password }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}
