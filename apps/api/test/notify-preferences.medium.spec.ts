import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import {
  createPgPool,
  createPrismaClient,
  NotificationChannelRepository,
  NotificationDeliveryRepository,
  NotificationPreferenceRepository,
  type PgPool,
  type PrismaClient,
} from '@fleet/db';
import {
  createSite,
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  testDatabaseTargets,
} from '@fleet/db/testing';
import { freePort, waitFor } from '@fleet/test-kit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { quietHoursEnd } from '../src/notifications/domain/quiet-hours.js';
import { ProviderRegistry } from '../src/notifications/providers/provider-registry.js';
import { SecretBox } from '../src/notifications/secret-box.js';
import { DeliveryScheduler } from '../src/notifications/worker/delivery.scheduler.js';
import { DigestJob } from '../src/notifications/worker/digest.job.js';
import { FanOutService } from '../src/notifications/worker/fan-out.service.js';
import { NotifyStats } from '../src/notifications/worker/notify-stats.js';
import { alarmTransitions } from './support/notify/alarm-events.js';
import { type SmtpSink, startSmtpSink } from './support/notify/smtp-sink-process.js';
import { WebhookReceiver } from './support/notify/webhook-receiver.js';

// The fan-out's parts in this process against a real database and a real SMTP server process:
// preferences (minimum severity, quiet hours, digest) and a dead channel beside a live one.
const [target] = await testDatabaseTargets();
const hhmm = (d: Date) => d.toISOString().slice(11, 16);

interface Ctx {
  dir: string;
  db: TestDatabase;
  prisma: PrismaClient;
  pool: PgPool;
  smtp: SmtpSink;
  parts: Parts;
}
type Parts = ReturnType<typeof wire>;

function wire(databaseUrl: string, smtpUrl: string, pool: PgPool) {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: 'a'.repeat(40),
    NOTIFY_SMTP_URL: smtpUrl,
    NOTIFY_POLL: '50ms',
    NOTIFY_RETRY_BASE: '100ms',
    // A serial sender would sit on the dead channel this long; the test's deadline is far shorter.
    NOTIFY_SEND_TIMEOUT: '10m',
    // The test's webhook receivers listen on 127.0.0.1.
    NOTIFY_WEBHOOK_PRIVATE: 'allow',
  }).notify;
  const channels = new NotificationChannelRepository(pool);
  const preferences = new NotificationPreferenceRepository(pool);
  const deliveries = new NotificationDeliveryRepository(pool);
  const secrets = new SecretBox(config.secretKey);
  const logger = pino({ level: 'silent' });
  const registry = new ProviderRegistry(config, secrets, preferences);
  const stats = new NotifyStats();
  return {
    channels,
    preferences,
    secrets,
    scheduler: new DeliveryScheduler({ config, deliveries, channels, preferences, registry, stats, logger }),
    fanOut: new FanOutService(channels, preferences, deliveries),
    digest: new DigestJob(config, preferences, deliveries, logger),
  };
}

/** A fresh database, an SMTP server process and the fan-out's parts wired to them, per describe. */
function useNotifyParts(): Ctx {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.dir = await mkdtemp(resolve(tmpdir(), 'notify-prefs-'));
    ctx.db = await createTestDatabase(target!);
    ctx.prisma = createPrismaClient(ctx.db.url);
    ctx.pool = createPgPool(ctx.db.url, 4);
    ctx.smtp = await startSmtpSink(ctx.dir);
    ctx.parts = wire(ctx.db.url, ctx.smtp.url, ctx.pool);
  }, 60_000);
  afterAll(async () => {
    await ctx.smtp?.stop();
    await ctx.prisma?.$disconnect();
    await ctx.pool?.end();
    await ctx.db?.drop();
    await rm(ctx.dir, { recursive: true, force: true });
  });
  return ctx;
}

async function tenantWithSite(prisma: PrismaClient) {
  const tenant = await createTenant(prisma);
  const site = await createSite(prisma, { tenantId: tenant.id });
  return { tenantId: tenant.id, siteId: site.id };
}

type PreferenceInput = Parameters<NotificationPreferenceRepository['upsert']>[1];

async function person(
  ctx: Ctx,
  tenantId: string,
  name: string,
  pref: Partial<PreferenceInput>,
  channelId: string,
) {
  const user = await createUser(ctx.prisma, { tenantId, name });
  await ctx.parts.preferences.upsert(user.id, {
    channelIds: [channelId],
    minSeverity: 'info',
    quietStart: null,
    quietEnd: null,
    timezone: 'UTC',
    digestAt: null,
    ...pref,
  });
  return user;
}

async function statusOf(pool: PgPool, userId: string) {
  const { rows } = await pool.query<{ status: string; next: Date }>(
    'SELECT status, next_attempt_at AS next FROM notification_delivery WHERE user_id = $1 ORDER BY seq',
    [userId],
  );
  return rows;
}

describe(`preferences and the digest on ${target!.name}`, () => {
  const ctx = useNotifyParts();

  it('respects minimum severity and quiet hours; the digest collects what was held, once', async () => {
    const { tenantId, siteId } = await tenantWithSite(ctx.prisma);
    const mail = await ctx.parts.channels.create({
      tenantId,
      kind: 'email',
      name: 'mail',
      config: { to: [] },
      secretEnc: null,
      enabled: true,
    });
    const now = new Date();
    const quiet = {
      quietStart: hhmm(new Date(now.getTime() - 3_600_000)),
      quietEnd: hhmm(new Date(now.getTime() + 3_600_000)),
    };
    const plain = await person(ctx, tenantId, 'Plain', {}, mail.id);
    const strict = await person(ctx, tenantId, 'Strict', { minSeverity: 'critical' }, mail.id);
    const sleeper = await person(ctx, tenantId, 'Sleeper', quiet, mail.id);
    const digester = await person(ctx, tenantId, 'Digester', { ...quiet, digestAt: '00:00' }, mail.id);

    const events = alarmTransitions(tenantId, siteId, 2, { severity: 'major' });
    for (const event of events) {
      await ctx.parts.fanOut.accept(event, now);
    }
    expect(await statusOf(ctx.pool, strict.id)).toEqual([]);
    const end = quietHoursEnd(now, { start: quiet.quietStart, end: quiet.quietEnd, timeZone: 'UTC' });
    expect(await statusOf(ctx.pool, sleeper.id)).toEqual([
      { status: 'pending', next: end },
      { status: 'pending', next: end },
    ]);
    expect((await statusOf(ctx.pool, digester.id)).map((r) => r.status)).toEqual(['held', 'held']);

    ctx.parts.scheduler.start();
    try {
      await waitFor('both mails to the plain person', async () =>
        (await statusOf(ctx.pool, plain.id)).every((r) => r.status === 'delivered'),
      );
    } finally {
      await ctx.parts.scheduler.stop();
    }
    expect(ctx.smtp.messages().flatMap((m) => m.to)).toEqual([plain.email, plain.email]);
    expect((await statusOf(ctx.pool, sleeper.id)).map((r) => r.status)).toEqual(['pending', 'pending']);

    expect(await ctx.parts.digest.runOnce(new Date())).toBe(1);
    const digest = ctx.smtp.messages().filter((m) => m.to.includes(digester.email));
    expect(digest.map((m) => m.header('subject'))).toEqual(['Alarm digest: 2 notices']);
    expect(digest[0]!.decoded).toContain('[MAJOR] Cell over-voltage protection — fired');
    expect(digest[0]!.decoded).toContain('[MAJOR] Cell over-voltage protection — repeated');
    expect((await statusOf(ctx.pool, digester.id)).map((r) => r.status)).toEqual(['delivered', 'delivered']);
    expect(await ctx.parts.digest.runOnce(new Date())).toBe(0);
    expect(ctx.smtp.messages().filter((m) => m.to.includes(digester.email))).toHaveLength(1);
  });
});

describe(`channel isolation on ${target!.name}`, () => {
  const ctx = useNotifyParts();

  it('keeps delivering to a live webhook while another channel’s target hangs', async () => {
    const { tenantId, siteId } = await tenantWithSite(ctx.prisma);
    const dead = new WebhookReceiver(await freePort());
    const live = new WebhookReceiver(await freePort());
    dead.hang = true;
    await dead.up();
    await live.up();
    for (const [name, receiver] of [
      ['dead', dead],
      ['live', live],
    ] as const) {
      receiver.secret = `whsec_${name}`;
      await ctx.parts.channels.create({
        tenantId,
        kind: 'webhook',
        name,
        config: { url: receiver.url, format: 'generic' },
        secretEnc: ctx.parts.secrets.seal(receiver.secret),
        enabled: true,
      });
    }
    const events = [0, 1, 2].map(() => alarmTransitions(tenantId, siteId, 1)[0]!);
    for (const event of events) {
      await ctx.parts.fanOut.accept(event);
    }
    ctx.parts.scheduler.start();
    try {
      await waitFor('the live target to get all three', () => live.calls.length === 3);
      expect(live.calls.every((c) => c.verified)).toBe(true);
      expect(dead.calls.length).toBeGreaterThanOrEqual(1);
      const { rows } = await ctx.pool.query<{ status: string }>(
        `SELECT d.status FROM notification_delivery d JOIN notification_channel c ON c.id = d.channel_id
          WHERE c.name = 'dead' AND d.status = 'delivered'`,
      );
      expect(rows).toEqual([]);
    } finally {
      await dead.down();
      await live.down();
      await ctx.parts.scheduler.stop();
    }
  });
});
