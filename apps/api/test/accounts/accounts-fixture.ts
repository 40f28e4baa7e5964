import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createSite,
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  type TestDatabaseTarget,
} from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from '../support/notify/smtp-sink-process.js';

export const WEB_URL = 'http://web.test';

export interface Person {
  id: string;
  email: string;
  password: string;
}

/** Tenant A with an admin, an installer and two sites; tenant B with a site of its own. */
export interface AccountsWorld {
  a: { tenantId: string; siteId: string; otherSiteId: string; admin: Person; installer: Person };
  b: { tenantId: string; siteId: string };
}

/** The real app on a fresh database, mailing through a real SMTP server process. */
export interface AccountsFixture {
  world: AccountsWorld;
  prisma: PrismaClient;
  pool: PgPool;
  call(method: string, path: string, opts?: { token?: string; body?: unknown }): Promise<Response>;
  login(who: { email: string; password: string }): Promise<string>;
  /** Waits for the next mail to `to` after the `seen` first ones and returns it. */
  mailTo(to: string, seen?: number): Promise<ReceivedMail>;
  mailsTo(to: string): ReceivedMail[];
}

const person = (u: { id: string; email: string; password: string }): Person => ({
  id: u.id,
  email: u.email,
  password: u.password,
});

async function seed(prisma: PrismaClient): Promise<AccountsWorld> {
  const a = await createTenant(prisma, { name: 'Alpha Solar', kind: 'installer' });
  const b = await createTenant(prisma, { name: 'Beta Energy', kind: 'installer' });
  const siteA = await createSite(prisma, { tenantId: a.id, name: 'A1' });
  const otherA = await createSite(prisma, { tenantId: a.id, name: 'A2' });
  const siteB = await createSite(prisma, { tenantId: b.id, name: 'B1' });
  const admin = await createUser(prisma, { tenantId: a.id, role: 'org_admin', name: 'A admin' });
  const installer = await createUser(prisma, { tenantId: a.id, role: 'installer', name: 'A installer' });
  return {
    a: {
      tenantId: a.id,
      siteId: siteA.id,
      otherSiteId: otherA.id,
      admin: person(admin),
      installer: person(installer),
    },
    b: { tenantId: b.id, siteId: siteB.id },
  };
}

export function useAccountsFixture(
  target: TestDatabaseTarget,
  env: Record<string, string> = {},
): AccountsFixture {
  let db: TestDatabase | undefined;
  let app: INestApplication | undefined;
  let smtp: SmtpSink | undefined;
  let dir = '';
  let baseUrl = '';
  const fixture = { call, login, mailTo, mailsTo } as AccountsFixture;

  async function call(method: string, path: string, opts: { token?: string; body?: unknown } = {}) {
    return fetch(`${baseUrl}/api${path}`, {
      method,
      headers: {
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(opts.body === undefined ? {} : { body: JSON.stringify(opts.body) }),
    });
  }

  async function login(who: { email: string; password: string }): Promise<string> {
    const response = await call('POST', '/auth/login', {
      body: { email: who.email, password: who.password },
    });
    const body = (await response.json()) as { token?: string };
    if (response.status !== 200 || !body.token) {
      throw new Error(`login of ${who.email} answered ${response.status} ${JSON.stringify(body)}`);
    }
    return body.token;
  }

  function mailsTo(to: string): ReceivedMail[] {
    return (smtp?.messages() ?? []).filter((m) => m.to.includes(to));
  }

  function mailTo(to: string, seen = 0): Promise<ReceivedMail> {
    return waitFor(`mail to ${to}`, () => mailsTo(to)[seen], 20_000);
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-accounts-'));
    smtp = await startSmtpSink(dir);
    db = await createTestDatabase(target);
    fixture.prisma = createPrismaClient(db.url);
    fixture.pool = createPgPool(db.url, 2);
    fixture.world = await seed(fixture.prisma);
    const config = loadConfig({
      DATABASE_URL: db.url,
      AUTH_SECRET: randomBytes(32).toString('hex'),
      API_PORT: '0',
      NOTIFY_SMTP_URL: smtp.url,
      NOTIFY_MAIL_FROM: 'Fleet <accounts@fleet.test>',
      WEB_URL,
      ...env,
    });
    app = await createApp(config, pino({ level: 'silent' }));
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await fixture.prisma?.$disconnect();
    await fixture.pool?.end();
    await db?.drop();
    await smtp?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  return fixture;
}

/** The token of a mailed link to `<WEB_URL>/<page>?token=…`. */
export function tokenInMail(mail: ReceivedMail, page: string): string {
  const match = new RegExp(`${WEB_URL}/${page}\\?token=([A-Za-z0-9_-]+)`).exec(mail.decoded);
  if (!match?.[1]) {
    throw new Error(`no ${page} link in the mail:\n${mail.decoded.slice(0, 2000)}`);
  }
  return match[1];
}
