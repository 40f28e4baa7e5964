import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createSite,
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  type TestDatabaseTarget,
} from '@fleet/db/testing';
import { type AlarmEvent, alarmEventMessageId, consumers, streams, subjects } from '@fleet/telemetry';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startPrivateNats,
  startTs,
  stopProcess,
  waitFor,
} from '@fleet/test-kit';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import webPush from 'web-push';
import { PushService } from './push-service.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink-process.js';

/**
 * Everything the fan-out talks to, real: a private nats-server, a fresh database, an SMTP server
 * process, a local HTTPS push service, and the api itself as a child process (the worker in it),
 * so a test can SIGKILL the worker and start another.
 */
export interface NotifyStack {
  dir: string;
  db: TestDatabase;
  pool: PgPool;
  prisma: PrismaClient;
  smtp: SmtpSink;
  push: PushService;
  tenantId: string;
  siteId: string;
  user: { id: string; email: string; password: string };
  token: string;
  api: RunningProcess | undefined;
  baseUrl: string;
  startApi(extraEnv?: Record<string, string>): Promise<void>;
  stopApi(signal?: NodeJS.Signals): Promise<void>;
  call(method: string, path: string, body?: unknown): Promise<Response>;
  publish(event: AlarmEvent): Promise<void>;
  /** Any bytes on a subject of the ALARMS stream, as a broken publisher would send them. */
  publishRaw(subject: string, data: string): Promise<void>;
  /** True when the `notify` consumer has nothing left to deliver or to be acked. */
  consumerIdle(): Promise<boolean>;
  close(): Promise<void>;
}

interface ApiEnvInput {
  databaseUrl: string;
  authSecret: string;
  port: number;
  natsPort: number;
  smtp: SmtpSink;
  push: PushService;
  vapid: { publicKey: string; privateKey: string };
}

/** The api child's environment: fast retries and polls so the tests do not wait for minutes. */
function apiEnv(i: ApiEnvInput): Record<string, string> {
  return {
    // Nest's parameter decorators need the repo's experimentalDecorators under tsx too.
    TSX_TSCONFIG_PATH: resolve(repoRoot, 'apps/api/tsconfig.json'),
    DATABASE_URL: i.databaseUrl,
    AUTH_SECRET: i.authSecret,
    API_PORT: String(i.port),
    NATS_URL: `nats://127.0.0.1:${i.natsPort}`,
    NOTIFY_SMTP_URL: i.smtp.url,
    NOTIFY_MAIL_FROM: 'Fleet alarms <alarms@fleet.test>',
    NOTIFY_VAPID_PUBLIC_KEY: i.vapid.publicKey,
    NOTIFY_VAPID_PRIVATE_KEY: i.vapid.privateKey,
    NOTIFY_VAPID_SUBJECT: 'mailto:ops@fleet.test',
    NOTIFY_RETRY_BASE: '200ms',
    NOTIFY_RETRY_MAX: '1s',
    NOTIFY_POLL: '100ms',
    // The test's webhook receiver listens on 127.0.0.1.
    NOTIFY_WEBHOOK_PRIVATE: 'allow',
    NOTIFY_LEASE: '3s',
    NOTIFY_SEND_TIMEOUT: '5s',
    NODE_EXTRA_CA_CERTS: i.push.certFile,
    LOG_LEVEL: 'info',
  };
}

export async function startNotifyStack(target: TestDatabaseTarget): Promise<NotifyStack> {
  const dir = await mkdtemp(resolve(tmpdir(), 'notify-'));
  const nats = await startPrivateNats({ storeDir: resolve(dir, 'js') });
  const nc: NatsConnection = await connect({ servers: nats.url });
  const db = await createTestDatabase(target);
  const prisma = createPrismaClient(db.url);
  const pool = createPgPool(db.url, 3);
  const smtp = await startSmtpSink(dir);
  const push = new PushService(dir);
  await push.start();
  const tenant = await createTenant(prisma);
  const site = await createSite(prisma, { tenantId: tenant.id });
  const user = await createUser(prisma, { tenantId: tenant.id, name: 'Nia Notified' });
  const vapid = webPush.generateVAPIDKeys();
  const authSecret = randomBytes(32).toString('hex');

  const stack: NotifyStack = {
    dir,
    db,
    pool,
    prisma,
    smtp,
    push,
    tenantId: tenant.id,
    siteId: site.id,
    user: { id: user.id, email: user.email, password: user.password },
    token: '',
    api: undefined,
    baseUrl: '',
    async startApi(extraEnv = {}) {
      const port = await freePort();
      const env = {
        ...apiEnv({ databaseUrl: db.url, authSecret, port, natsPort: nats.port, smtp, push, vapid }),
        ...extraEnv,
      };
      stack.api = startTs('api', resolve(repoRoot, 'apps/api/src/main.ts'), [], { env });
      stack.baseUrl = `http://127.0.0.1:${port}/api`;
      const api = stack.api;
      await waitFor(
        'api health',
        async () => (await fetch(`${stack.baseUrl}/health`)).ok,
        90_000,
        api.output,
      );
      await waitFor(
        'notify worker',
        () => api.output().includes('notification worker started'),
        30_000,
        api.output,
      );
      if (!stack.token) {
        const login = await stack.call('POST', '/auth/login', { email: user.email, password: user.password });
        stack.token = ((await login.json()) as { token: string }).token;
      }
    },
    async stopApi(signal = 'SIGTERM') {
      await stopProcess(stack.api, { signal });
      stack.api = undefined;
    },
    call: (method, path, body) =>
      fetch(`${stack.baseUrl}${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(stack.token ? { authorization: `Bearer ${stack.token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    async publish(event) {
      await jetstream(nc).publish(subjects.alarm(event.tenantId, event.siteId), JSON.stringify(event), {
        msgID: alarmEventMessageId(event),
      });
    },
    async publishRaw(subject, data) {
      await jetstream(nc).publish(subject, data);
    },
    async consumerIdle() {
      const info = await (await jetstreamManager(nc)).consumers.info(streams.alarms.name, consumers.notify);
      return info.num_pending === 0 && info.num_ack_pending === 0;
    },
    async close() {
      await stack.stopApi();
      await nc.close().catch(() => undefined);
      await stopProcess(nats);
      await smtp.stop();
      await push.stop();
      await prisma.$disconnect();
      await pool.end();
      await db.drop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return stack;
}
