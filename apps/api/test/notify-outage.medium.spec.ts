import { testDatabaseTargets } from '@fleet/db/testing';
import type { AlarmEvent } from '@fleet/telemetry';
import { freePort, waitFor } from '@fleet/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmTransitions } from './support/notify/alarm-events.js';
import { type NotifyStack, startNotifyStack } from './support/notify/notify-stack.js';
import { WebhookReceiver } from './support/notify/webhook-receiver.js';

// Issue 7 acceptance: the webhook target is down for a while, then back: every notification
// arrives once, in order per alarm; killing the delivery worker mid-retry loses none.
const [target] = await testDatabaseTargets();

async function deliveryStats(stack: NotifyStack) {
  const { rows } = await stack.pool.query<{
    total: number;
    delivered: number;
    attempts: number;
    retried: number;
  }>(
    `SELECT count(*)::int AS total, count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
            COALESCE(sum(attempts), 0)::int AS attempts, count(*) FILTER (WHERE attempts >= 2)::int AS retried
       FROM notification_delivery`,
  );
  return rows[0]!;
}

function expectEachOnceInOrder(receiver: WebhookReceiver, alarms: AlarmEvent[][]): void {
  expect(receiver.calls).toHaveLength(12);
  expect(receiver.calls.every((c) => c.verified)).toBe(true);
  expect(new Set(receiver.calls.map((c) => c.eventId)).size).toBe(12);
  for (const alarm of alarms) {
    const arrived = receiver.calls
      .filter((c) => c.eventId?.startsWith(alarm[0]!.alarmId))
      .map((c) => (c.json as { alarm: { seq: number } }).alarm.seq);
    expect(arrived).toEqual([1, 2, 3, 4]);
  }
}

/** The inbox view of one alarm: seq 1 failed while the target was down, then was delivered. */
async function expectInboxView(stack: NotifyStack, alarmId: string): Promise<void> {
  const response = await stack.call('GET', `/alarms/${alarmId}/deliveries`);
  expect(response.status).toBe(200);
  const deliveries = (await response.json()) as Array<{
    seq: number;
    status: string;
    attemptLog: Array<{ outcome: string; httpStatus: number | null }>;
  }>;
  expect(deliveries.map((d) => [d.seq, d.status])).toEqual([
    [1, 'delivered'],
    [2, 'delivered'],
    [3, 'delivered'],
    [4, 'delivered'],
  ]);
  const first = deliveries[0]!.attemptLog;
  expect(first.at(-1)).toMatchObject({ outcome: 'delivered', httpStatus: 204 });
  expect(first.slice(0, -1).every((a) => a.outcome === 'failed')).toBe(true);
  expect(first.length).toBeGreaterThan(2);
}

describe(`webhook outage and a killed worker on ${target!.name}`, () => {
  let stack: NotifyStack;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    stack = await startNotifyStack(target!);
    receiver = new WebhookReceiver(await freePort());
    await stack.startApi();
  }, 180_000);

  afterAll(async () => {
    await receiver?.down();
    await stack?.close();
  });

  it('delivers every event once, in order per alarm, across the outage and a SIGKILLed worker', async () => {
    const created = await stack.call('POST', '/notification-channels', {
      kind: 'webhook',
      name: 'ops hook',
      url: receiver.url,
    });
    expect(created.status).toBe(201);
    const channel = (await created.json()) as { id: string; secret: string };
    expect(channel.secret).toMatch(/^whsec_/);
    receiver.secret = channel.secret;
    const listed = (await (await stack.call('GET', '/notification-channels')).json()) as object[];
    expect(JSON.stringify(listed)).not.toContain(channel.secret);

    // Three alarms, four transitions each, published interleaved while the target is down.
    const alarms = [0, 1, 2].map(() => alarmTransitions(stack.tenantId, stack.siteId, 4));
    for (let seq = 0; seq < 4; seq++) {
      for (const alarm of alarms) {
        await stack.publish(alarm[seq]!);
      }
    }
    // The same event again under another message id (a replay the stream cannot dedupe).
    const replay = alarms[0]![0]!;
    await stack.publish({ ...replay });

    const firstWorker = stack.api!;
    await waitFor(
      'deliveries planned and retried',
      async () => {
        const s = await deliveryStats(stack);
        return s.total === 12 && s.retried >= 3 ? s : undefined;
      },
      60_000,
      firstWorker.output,
    );
    // Only seq 1 of each alarm is attempted while the target is down: later ones wait their turn.
    const { rows: tried } = await stack.pool.query<{ seq: number }>(
      'SELECT DISTINCT seq FROM notification_delivery WHERE attempts > 0 ORDER BY seq',
    );
    expect(tried.map((r) => r.seq)).toEqual([1]);

    await stack.stopApi('SIGKILL');
    const beforeRestart = await deliveryStats(stack);
    await stack.startApi();
    await waitFor(
      'the new worker retrying',
      async () => (await deliveryStats(stack)).attempts > beforeRestart.attempts + 3,
    );

    await receiver.up();
    await waitFor(
      'all delivered',
      async () => (await deliveryStats(stack)).delivered === 12,
      60_000,
      stack.api!.output,
    );

    // Every message, the replay included, has been handled: nothing more can arrive.
    await waitFor('the notify consumer idle', () => stack.consumerIdle());
    expect((await deliveryStats(stack)).total).toBe(12);
    expectEachOnceInOrder(receiver, alarms);
    await expectInboxView(stack, alarms[0]![0]!.alarmId);
  }, 240_000);
});
