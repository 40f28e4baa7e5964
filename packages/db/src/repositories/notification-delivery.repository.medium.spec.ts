import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type DatabaseContext, useTestDatabase } from '../../test/use-test-database.js';
import { createTenant, testDatabaseTargets } from '../testing/index.js';
import type { NewDelivery } from './notification.types.js';
import { NotificationChannelRepository } from './notification-channel.repository.js';
import { NotificationDeliveryRepository } from './notification-delivery.repository.js';

const targets = await testDatabaseTargets();
const claim = { limit: 50, perChannel: 50, leaseMs: 60_000 };

async function setupChannel(ctx: DatabaseContext) {
  // The claim is global (any tenant): finish what earlier tests of this database left due.
  await ctx.pool.query(`UPDATE notification_delivery SET status = 'dead'`);
  const tenant = await createTenant(ctx.prisma);
  const channels = new NotificationChannelRepository(ctx.pool);
  const channel = await channels.create({
    tenantId: tenant.id,
    kind: 'webhook',
    name: 'hook',
    config: { url: 'https://x.test', format: 'generic' },
    secretEnc: 'sealed',
    enabled: true,
  });
  const sut = new NotificationDeliveryRepository(ctx.pool);
  const row = (alarmId: string, seq: number, over: Partial<NewDelivery> = {}): NewDelivery => ({
    tenantId: tenant.id,
    channelId: channel.id,
    eventId: `${alarmId}:${seq}`,
    alarmId,
    seq,
    recipient: 'channel',
    userId: null,
    event: { alarmId, seq },
    status: 'pending',
    nextAttemptAt: new Date(Date.now() - 1000),
    ...over,
  });
  return { sut, channel, channels, tenant, row };
}

describe.each(targets)('NotificationDeliveryRepository on $name', (target) => {
  const ctx = useTestDatabase(target);

  const setup = () => setupChannel(ctx);

  it('inserts an event once: a redelivered event adds nothing', async () => {
    const { sut, row } = await setup();
    const alarm = randomUUID();
    expect(await sut.insertAll([row(alarm, 1), row(alarm, 1, { recipient: 'mailto:a@x.test' })])).toBe(2);
    expect(await sut.insertAll([row(alarm, 1), row(alarm, 1, { recipient: 'mailto:a@x.test' })])).toBe(0);
  });

  it('claims seq n of an alarm only after seq n-1 is delivered or dead', async () => {
    const { sut, row } = await setup();
    const a = randomUUID();
    const b = randomUUID();
    await sut.insertAll([row(a, 1), row(a, 2), row(a, 3), row(b, 1)]);
    const first = await sut.claimDue(claim);
    expect(first.map((d) => d.eventId).sort()).toEqual([`${a}:1`, `${b}:1`].sort());
    const a1 = first.find((d) => d.alarmId === a)!;
    await sut.finish(
      a1.id,
      { outcome: 'failed', httpStatus: 503, response: null, durationMs: 3 },
      {
        status: 'failed',
        nextAttemptAt: new Date(Date.now() - 1),
        error: 'HTTP 503',
      },
    );
    // Failed and due again: seq 1 is retried, seq 2 still waits.
    expect((await sut.claimDue(claim)).map((d) => [d.eventId, d.attempts])).toEqual([[`${a}:1`, 2]]);
    await sut.finish(
      a1.id,
      { outcome: 'dead', httpStatus: null, response: null, durationMs: 1 },
      { status: 'dead', error: 'x' },
    );
    expect((await sut.claimDue(claim)).map((d) => d.eventId)).toEqual([`${a}:2`]);
  });

  it('hands a claimed row to nobody else until its lease runs out', async () => {
    const { sut, row } = await setup();
    await sut.insertAll([row(randomUUID(), 1)]);
    const [first] = await sut.claimDue(claim);
    expect(first).toBeDefined();
    expect(await sut.claimDue(claim)).toEqual([]);
    // The worker holding it died: its lease runs out.
    await ctx.pool.query(
      `UPDATE notification_delivery SET lease_until = now() - interval '1 second' WHERE id = $1`,
      [first!.id],
    );
    const [again] = await sut.claimDue(claim);
    expect([again?.id, again?.attempts]).toEqual([first!.id, 2]);
  });

  it('splits due rows between concurrent claims (SKIP LOCKED) and skips busy channels', async () => {
    const { sut, row } = await setup();
    await sut.insertAll(Array.from({ length: 20 }, () => row(randomUUID(), 1)));
    const [x, y] = await Promise.all([
      sut.claimDue({ ...claim, limit: 12 }),
      sut.claimDue({ ...claim, limit: 12 }),
    ]);
    const ids = [...x!, ...y!].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(20);
    const { sut: other, row: otherRow, channel } = await setup();
    await other.insertAll([otherRow(randomUUID(), 1)]);
    expect(await other.claimDue({ ...claim, excludeChannelIds: [channel.id] })).toEqual([]);
  });

  it('lists an alarm’s deliveries with their attempts, tenant-scoped', async () => {
    const { sut, row, tenant } = await setup();
    const alarm = randomUUID();
    await sut.insertAll([row(alarm, 1)]);
    const [claimed] = await sut.claimDue(claim);
    await sut.finish(
      claimed!.id,
      { outcome: 'delivered', httpStatus: 204, response: null, durationMs: 12 },
      { status: 'delivered' },
    );
    const listed = await sut.listForAlarm(tenant.id, alarm);
    expect(listed.map((d) => [d.seq, d.status, d.attemptRows.map((a) => [a.outcome, a.httpStatus])])).toEqual(
      [[1, 'delivered', [['delivered', 204]]]],
    );
    expect(await sut.listForAlarm(randomUUID(), alarm)).toEqual([]);
  });
});
