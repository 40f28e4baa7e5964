import { testDatabaseTargets } from '@fleet/db/testing';
import { waitFor } from '@fleet/test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alarmTransitions } from './support/notify/alarm-events.js';
import { type NotifyStack, startNotifyStack } from './support/notify/notify-stack.js';
import type { ReceivedMail } from './support/notify/smtp-sink-process.js';

// Email over a real SMTP server process and Web Push to a local push service, through the api
// child's worker; the person's minimum severity decides who gets what.
const [target] = await testDatabaseTargets();

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The list got both events; the person (minimum major) only the critical one, as text and HTML. */
function expectMails(mails: ReceivedMail[], personal: string): void {
  const to = (address: string) => mails.filter((m) => m.to.includes(address)).map((m) => m.header('subject'));
  expect(to('ops@fleet.test').sort()).toEqual([
    '[CRITICAL] Cell over-voltage protection — fired',
    '[WARNING] Low SOC — fired',
  ]);
  expect(to(personal)).toEqual(['[CRITICAL] Cell over-voltage protection — fired']);
  const mail = mails.find((m) => m.to.includes(personal))!;
  expect(mail.from).toBe('alarms@fleet.test');
  expect(mail.header('content-type')).toContain('multipart/alternative');
  expect(mail.decoded).toContain('What it means:\r\nA cell went above its protection limit');
  expect(mail.decoded).toContain('1. Check the charger voltage limit');
  expect(mail.decoded).toContain('<ol><li>Check the charger voltage limit</li>');
}

/** An email list channel, a push channel, the person's browser subscribed, minimum severity major. */
async function setUpChannels(stack: NotifyStack) {
  const email = { kind: 'email', name: 'ops list', to: ['ops@fleet.test'] };
  const emailId = (await json<{ id: string }>(await stack.call('POST', '/notification-channels', email), 201))
    .id;
  const push = { kind: 'webpush', name: 'browsers' };
  const pushId = (await json<{ id: string }>(await stack.call('POST', '/notification-channels', push), 201))
    .id;
  const subscription = stack.push.subscription();
  await json(await stack.call('POST', '/me/webpush-subscriptions', subscription), 201);
  const prefs = {
    channelIds: [emailId, pushId],
    minSeverity: 'major',
    quietHours: null,
    timezone: 'UTC',
    digestAt: null,
  };
  expect(await json(await stack.call('PUT', '/me/notification-preferences', prefs), 200)).toEqual(prefs);
  return { emailId, pushId, subscription };
}

async function expectRefusals(stack: NotifyStack, emailId: string): Promise<void> {
  const badUrl = await stack.call('POST', '/notification-channels', {
    kind: 'webhook',
    name: 'x',
    url: 'ftp://x',
  });
  expect((await json<{ message: string }>(badUrl, 400)).message).toContain('url');
  const unknownKind = await stack.call('POST', '/notification-channels', { kind: 'sms', name: 'x' });
  expect(unknownKind.status).toBe(400);
  const prefs = {
    channelIds: [crypto.randomUUID()],
    minSeverity: 'major',
    quietHours: null,
    timezone: 'UTC',
    digestAt: null,
  };
  const foreign = await stack.call('PUT', '/me/notification-preferences', prefs);
  expect((await json<{ message: string }>(foreign, 400)).message).toContain('channelIds');
  const zone = await stack.call('PUT', '/me/notification-preferences', {
    ...prefs,
    channelIds: [],
    timezone: 'Mars/Base',
  });
  expect((await json<{ message: string }>(zone, 400)).message).toContain('timezone');
  const patch = await stack.call('PATCH', `/notification-channels/${emailId}`, { url: 'https://x.test' });
  expect((await json<{ message: string }>(patch, 400)).message).toContain('url');
}

async function expectJunkDroppedAndNextDelivered(stack: NotifyStack): Promise<void> {
  await stack.publishRaw(`alarm.v1.${stack.tenantId}.${stack.siteId}`, '{"schema":');
  await stack.publishRaw(`alarm.v1.${stack.tenantId}.${stack.siteId}`, '{"schema":"alarm.evt/1"}');
  const output = () => stack.api!.output();
  await waitFor(
    'both rejections logged',
    () => output().includes('"reason":"not-json"') && output().includes('"reason":"schema"'),
    20_000,
    output,
  );
  const [after] = alarmTransitions(stack.tenantId, stack.siteId, 1, {
    severity: 'critical',
    title: 'After junk',
  });
  await stack.publish(after!);
  await waitFor('the next event mailed', () =>
    stack.smtp.messages().some((m) => m.header('subject')?.includes('After junk')),
  );
}

describe(`email and web push on ${target!.name}`, () => {
  let stack: NotifyStack;
  let emailId: string;
  let pushId: string;
  let subscription: ReturnType<NotifyStack['push']['subscription']>;

  beforeAll(async () => {
    stack = await startNotifyStack(target!);
    await stack.startApi();
    ({ emailId, pushId, subscription } = await setUpChannels(stack));
  }, 180_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('sends a test notification through the real push service with VAPID and an encrypted body', async () => {
    const results = await json<Array<{ ok: boolean; httpStatus: number }>>(
      await stack.call('POST', `/notification-channels/${pushId}/test`),
      200,
    );
    expect(results).toEqual([expect.objectContaining({ ok: true, httpStatus: 201 })]);
    const call = stack.push.calls.at(-1)!;
    expect(call).toMatchObject({
      vapidValid: true,
      vapidAudience: stack.push.origin,
      contentEncoding: 'aes128gcm',
    });
    expect(call.payload).toMatchObject({ title: '[INFO] Test notification — fired', severity: 'info' });
  });

  it('mails the list every event and the person only those at or above their minimum; pushes likewise', async () => {
    const [critical] = alarmTransitions(stack.tenantId, stack.siteId, 1, { severity: 'critical' });
    const [warning] = alarmTransitions(stack.tenantId, stack.siteId, 1, {
      severity: 'warning',
      title: 'Low SOC',
    });
    await stack.publish(critical!);
    await stack.publish(warning!);
    const mails = await waitFor('three mails', () =>
      stack.smtp.messages().length >= 3 ? stack.smtp.messages() : undefined,
    );
    await waitFor('the push of the critical event', () => stack.push.calls.length >= 2);

    expectMails(mails, stack.user.email);

    expect(stack.push.calls).toHaveLength(2);
    expect(stack.push.calls[1]!.payload).toMatchObject({
      alarmId: critical!.alarmId,
      seq: 1,
      severity: 'critical',
    });
    // A later look must not find a push for the warning either.
    await waitFor('all deliveries finished', async () => {
      const { rows } = await stack.pool.query(
        `SELECT 1 FROM notification_delivery WHERE status <> 'delivered'`,
      );
      return rows.length === 0;
    });
    expect(stack.push.calls).toHaveLength(2);
  });

  it('forgets a subscription the push service says is gone, and gives that delivery up', async () => {
    stack.push.gone.add(new URL(subscription.endpoint).pathname);
    const [event] = alarmTransitions(stack.tenantId, stack.siteId, 1, { severity: 'major' });
    await stack.publish(event!);
    const dead = await waitFor('the push delivery dead', async () => {
      const { rows } = await stack.pool.query<{ status: string; last_error: string }>(
        `SELECT status, last_error FROM notification_delivery WHERE alarm_id = $1 AND recipient LIKE 'push:%'`,
        [event!.alarmId],
      );
      return rows[0]?.status === 'dead' ? rows[0] : undefined;
    });
    expect(dead.last_error).toContain('410');
    const { rows } = await stack.pool.query('SELECT 1 FROM webpush_subscription');
    expect(rows).toHaveLength(0);
  });

  it('counts a message that is not an alarm event by reason, drops it and goes on', async () => {
    await expectJunkDroppedAndNextDelivered(stack);
  });

  it('refuses bad channels and preferences, naming the field', async () => {
    await expectRefusals(stack, emailId);
  });
});
