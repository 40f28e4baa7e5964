import { randomBytes } from 'node:crypto';
// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories
import { createPrismaClient, type PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { freePort, httpOk, type RunningProcess, run, startProcess, waitFor } from './processes.js';
import { type SinkMail, type SmtpSink, startSmtpSink } from './smtp-sink.js';

export interface Person {
  email: string;
  password: string;
}

/** The API and the web app on a fresh database, mailing account links into an SMTP sink. */
export interface AccountStack {
  webUrl: string;
  apiUrl: string;
  /** Org admin of the installer organisation; may invite. */
  admin: Person;
  /** A technician (turns TOTP on in its test) and an installer (resets its password). */
  technician: Person;
  installer: Person;
  siteId: string;
  /** The only string of the site, where an owner of just that site lands. */
  stringId: string;
  /** JSON call to the API; throws unless it answers 2xx. */
  api<T>(method: string, path: string, body?: unknown, token?: string): Promise<T>;
  /** The API session token of a person with a password only (no TOTP). */
  login(who: Person): Promise<string>;
  /** Waits for the `nth` (0-based) mail to an address. */
  mailTo(address: string, nth?: number): Promise<SinkMail>;
  diagnostics(): string;
  stop(): Promise<void>;
}

const node = process.execPath;

/** Compiles the API and the web app unless FLEET_E2E_SKIP_BUILD=1 (the caller just built them). */
async function build(root: string): Promise<void> {
  if (process.env.FLEET_E2E_SKIP_BUILD === '1') {
    return;
  }
  await run(node, ['node_modules/typescript/bin/tsc', '-b', 'apps/api', 'packages/ui'], { cwd: root });
  await run(node, [`${root}node_modules/next/dist/bin/next`, 'build'], {
    cwd: `${root}apps/web`,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  });
}

async function seed(prisma: PrismaClient) {
  const tenant = await testing.createTenant(prisma, { name: 'Harbour Solar', kind: 'installer' });
  const person = async (role: 'org_admin' | 'technician' | 'installer') => {
    const user = await testing.createUser(prisma, { tenantId: tenant.id, role, name: `E2E ${role}` });
    return { email: user.email, password: user.password };
  };
  const site = await testing.createSite(prisma, { tenantId: tenant.id, name: 'Harbour Depot' });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const string = await testing.createBmsString(prisma, { gatewayId: gateway.id, name: 'String East' });
  return {
    admin: await person('org_admin'),
    technician: await person('technician'),
    installer: await person('installer'),
    siteId: site.id,
    stringId: string.id,
  };
}

function apiCaller(apiUrl: string) {
  return async <T>(method: string, path: string, body?: unknown, token?: string): Promise<T> => {
    const response = await fetch(`${apiUrl}/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

async function startApps(
  root: string,
  env: { dbUrl: string; smtpUrl: string },
  children: RunningProcess[],
  diagnostics: () => string,
) {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  const webUrl = `http://127.0.0.1:${webPort}`;
  const apiEnv = {
    DATABASE_URL: env.dbUrl,
    API_PORT: String(apiPort),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    NOTIFY_SMTP_URL: env.smtpUrl,
    NOTIFY_MAIL_FROM: 'Fleet <accounts@fleet.test>',
    WEB_URL: webUrl,
    LOG_LEVEL: 'warn',
  };
  children.push(startProcess('api', node, ['apps/api/dist/main.js'], { cwd: root, env: apiEnv }));
  await waitFor('the api', () => httpOk(`${apiUrl}/api/health`), 60_000, diagnostics);
  const next = `${root}node_modules/next/dist/bin/next`;
  children.push(
    startProcess('web', node, [next, 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
      cwd: `${root}apps/web`,
      env: { API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
    }),
  );
  await waitFor('the web app', () => httpOk(`${webUrl}/login`), 60_000, diagnostics);
  return { apiUrl, webUrl };
}

/** A fresh migrated database with one installer organisation; the built API and web app on free ports. */
export async function startAccountStack(root: string): Promise<AccountStack> {
  await build(root);
  const [target] = await testing.testDatabaseTargets();
  if (!target) {
    throw new Error('no test database server (PostgreSQL on 127.0.0.1:5432 or TEST_DATABASE_URL)');
  }
  const db = await testing.createTestDatabase(target);
  const prisma = createPrismaClient(db.url);
  const smtp: SmtpSink = await startSmtpSink();
  const children: RunningProcess[] = [];
  const diagnostics = () => children.map((c) => `--- ${c.name} ---\n${c.output().slice(-4000)}`).join('\n');
  const stop = async () => {
    for (const child of children.reverse()) {
      await child.stop();
    }
    await prisma.$disconnect();
    await db.drop();
    await smtp.stop();
  };
  try {
    const seeded = await seed(prisma);
    const urls = await startApps(root, { dbUrl: db.url, smtpUrl: smtp.url }, children, diagnostics);
    const api = apiCaller(urls.apiUrl);
    const mailTo = async (address: string, nth = 0) => {
      let found: SinkMail | undefined;
      await waitFor(
        `mail ${nth} to ${address}`,
        async () => {
          found = smtp.mails().filter((m) => m.to.includes(address))[nth];
          return found !== undefined;
        },
        30_000,
        diagnostics,
      );
      return found as SinkMail;
    };
    const login = async (who: Person) =>
      (await api<{ token: string }>('POST', '/auth/login', { email: who.email, password: who.password }))
        .token;
    return { ...seeded, ...urls, api, login, mailTo, diagnostics, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
