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
  UserRepository,
} from '@fleet/db';
import {
  createSite,
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  testDatabaseTargets,
} from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/app-config.js';
import { ProviderRegistry } from '../src/notifications/providers/provider-registry.js';
import { SecretBox } from '../src/notifications/secret-box.js';
import { DeliveryScheduler } from '../src/notifications/worker/delivery.scheduler.js';
import { DigestJob } from '../src/notifications/worker/digest.job.js';
import { FanOutService } from '../src/notifications/worker/fan-out.service.js';
import { NotifyStats } from '../src/notifications/worker/notify-stats.js';
import { alarmTransitions } from './support/notify/alarm-events.js';
import { type ReceivedMail, type SmtpSink, startSmtpSink } from './support/notify/smtp-sink-process.js';

// Alarm mails in the recipient's language (issue 9): the fan-out's parts wired as the api wires
// them (the registry and the digest read people's languages), a real database, a real SMTP server.
const [target] = await testDatabaseTargets();

interface Ctx {
  dir: string;
  db: TestDatabase;
  prisma: PrismaClient;
  pool: PgPool;
  smtp: SmtpSink;
}

function wire(ctx: Ctx) {
  const config = loadConfig({
    DATABASE_URL: ctx.db.url,
    AUTH_SECRET: 'a'.repeat(40),
    NOTIFY_SMTP_URL: ctx.smtp.url,
    NOTIFY_POLL: '50ms',
  }).notify;
  const channels = new NotificationChannelRepository(ctx.pool);
  const preferences = new NotificationPreferenceRepository(ctx.pool);
  const deliveries = new NotificationDeliveryRepository(ctx.pool);
  const users = new UserRepository(ctx.prisma);
  const logger = pino({ level: 'silent' });
  const registry = new ProviderRegistry(config, new SecretBox(config.secretKey), preferences, users);
  return {
    channels,
    preferences,
    scheduler: new DeliveryScheduler({
      config,
      deliveries,
      channels,
      preferences,
      registry,
      stats: new NotifyStats(),
      logger,
    }),
    fanOut: new FanOutService(channels, preferences, deliveries),
    digest: new DigestJob(config, preferences, deliveries, logger, users),
  };
}

describe(`alarm mails in the recipient's language on ${target!.name}`, () => {
  const ctx = {} as Ctx;
  beforeAll(async () => {
    ctx.dir = await mkdtemp(resolve(tmpdir(), 'notify-locale-'));
    ctx.db = await createTestDatabase(target!);
    ctx.prisma = createPrismaClient(ctx.db.url);
    ctx.pool = createPgPool(ctx.db.url, 4);
    ctx.smtp = await startSmtpSink(ctx.dir);
  }, 60_000);
  afterAll(async () => {
    await ctx.smtp?.stop();
    await ctx.prisma?.$disconnect();
    await ctx.pool?.end();
    await ctx.db?.drop();
    await rm(ctx.dir, { recursive: true, force: true });
  });

  it('mails a German person the alarm in German and an English one in English, from one event', async () => {
    const parts = wire(ctx);
    const tenant = await createTenant(ctx.prisma);
    const site = await createSite(ctx.prisma, { tenantId: tenant.id });
    const channel = await parts.channels.create({
      tenantId: tenant.id,
      kind: 'email',
      name: 'mail',
      config: { to: [] },
      secretEnc: null,
      enabled: true,
    });
    const people = { de: 'Grete', en: 'Edward' };
    const [grete, edward] = await Promise.all(
      (['de', 'en'] as const).map(async (locale) => {
        const user = await createUser(ctx.prisma, { tenantId: tenant.id, name: people[locale], locale });
        await parts.preferences.upsert(user.id, {
          channelIds: [channel.id],
          minSeverity: 'info',
          quietStart: null,
          quietEnd: null,
          timezone: 'UTC',
          digestAt: null,
        });
        return user;
      }),
    );
    const [fired] = alarmTransitions(tenant.id, site.id, 1);
    expect(await parts.fanOut.accept(fired!)).toBe(2);

    parts.scheduler.start();
    let german: ReceivedMail;
    let english: ReceivedMail;
    try {
      [german, english] = await waitFor('both alarm mails', () => {
        const to = (email: string) => ctx.smtp.messages().find((m) => m.to.includes(email));
        const pair = [to(grete!.email), to(edward!.email)];
        return pair[0] && pair[1] ? (pair as [ReceivedMail, ReceivedMail]) : undefined;
      });
    } finally {
      await parts.scheduler.stop();
    }

    expect(german.header('subject')).toBe('[KRITISCH] Zellüberspannung — ausgelöst');
    for (const words of [
      'Schweregrad: kritisch',
      'Status: offen',
      'Standort:',
      'Was es bedeutet:',
      'Mindestens eine Zelle liegt über der Überspannungsgrenze.',
      'Erste Schritte:',
      `Alarm ${fired!.alarmId}, Übergang 1.`,
      '<h3>Was es bedeutet</h3>',
    ]) {
      expect(german.decoded).toContain(words);
    }
    expect(german.decoded).not.toContain('What it means');

    expect(english.header('subject')).toBe('[CRITICAL] Cell over-voltage protection — fired');
    expect(english.decoded).toContain('What it means:');
    expect(english.decoded).toContain(
      'A cell went above its protection limit; the BMS opened the contactor.',
    );
    expect(english.decoded).not.toContain('Was es bedeutet');
  });
});
