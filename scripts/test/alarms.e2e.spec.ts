// Acceptance of issue 7 on the whole product as `npm start` runs it: a fault injected into the
// simulator travels SLCAN → agent → JetStream → ingest's alarm evaluator → outbox → ALARMS →
// the api's notification worker → a signed webhook and an email at a real SMTP server.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AlarmStack } from './alarm-stack.js';
import { alarmOfCall } from './alarm-targets.js';
import { DEMO_LOGIN, getJson } from './stack-api.js';
import { waitUntil } from './stack-harness.js';

const CODE = 'hv.error.relay_check';
const RELAY_CHECK_BIT = 5;
// Short delays so the test does not wait for the production ones; flapping after 4 changes a
// minute. The flapping site clears only after 10 s, longer than one off phase of the toggling.
const rulesWith = (clearDelayS: number) => ({
  rules: {
    'bits.error': { fireDelayS: 0, clearDelayS, flapping: { windowS: 60, maxTransitions: 4 } },
  },
});

/** The installer subscribed, short rules on both sites, and readings flowing from both strings. */
async function prepare(s: AlarmStack): Promise<void> {
  await s.start();
  await s.subscribeInstaller();
  await s.call('PUT', `/sites/${s.stringOf('gw-demo-1', 0).site.id}/alarm-rules`, rulesWith(3));
  await s.call('PUT', `/sites/${s.stringOf('gw-demo-3', 2).site.id}/alarm-rules`, rulesWith(10));
  // Readings flow before the fault, so the fault is not the first thing the evaluator sees.
  for (const [gatewayId, address] of [
    ['gw-demo-1', 0],
    ['gw-demo-3', 2],
  ] as const) {
    const { string } = s.stringOf(gatewayId, address);
    await waitUntil(`a reading of ${gatewayId}`, async () =>
      (await s.latest(string.id)) ? true : undefined,
    );
  }
}

describe('npm start: a simulator fault becomes an alarm, a signed webhook and an email', () => {
  const s = new AlarmStack();

  beforeAll(async () => {
    await prepare(s);
  });

  afterAll(async () => {
    await s.stop();
  });

  it('gives the api the VAPID key pair made on first start and names where alarm mail goes', async () => {
    const { publicKey } = JSON.parse(readFileSync(join(s.dataDir, 'vapid.json'), 'utf8')) as {
      publicKey: string;
    };
    // An uncompressed P-256 point: 65 bytes.
    expect(Buffer.from(publicKey, 'base64url')).toHaveLength(65);
    const served = await getJson<{ publicKey: string }>(`${s.api}/api/me/webpush-key`, s.token);
    expect(served.body.publicKey).toBe(publicKey);
    expect(s.stack.output()).toContain(
      `Alarm mail   SMTP server ${new URL(s.targets.smtp.url).host} (NOTIFY_SMTP_URL)`,
    );
  });

  it('fires one alarm, one verified webhook call and one email; clearing resolves it', async () => {
    const { string } = s.stringOf('gw-demo-1', 0);
    const faultId = await s.inject('gw-demo-1', { type: 'relay-fault', string: 0 });

    const [alarm] = await waitUntil('the relay-check alarm', async () => {
      const open = (await s.alarmsOf(string.id, CODE)).filter((a) => a.status === 'open');
      return open.length > 0 ? open : undefined;
    });
    const fired = await waitUntil('the webhook call', async () => {
      const calls = s.callsFor(alarm!.id);
      return calls.length > 0 ? calls : undefined;
    });
    expect(fired).toHaveLength(1);
    expect(fired[0]!.verified).toBe(true);
    expect(alarmOfCall(fired[0]!.json)).toMatchObject({ code: CODE, transition: 'fired' });
    const mail = await waitUntil('the email', async () => {
      const mails = s.targets.smtp.messages().filter((m) => m.to.includes(DEMO_LOGIN.email));
      return mails.length > 0 ? mails : undefined;
    });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.header('subject')).toContain('fired');
    expect(mail[0]!.from).toBe('alarms@fleet.test');
    expect((await s.alarmsOf(string.id, CODE)).filter((a) => a.status === 'open')).toHaveLength(1);

    await s.clear('gw-demo-1', faultId);
    const resolved = await waitUntil('the alarm resolved after the clear delay', async () => {
      const [a] = (await s.alarmsOf(string.id, CODE)).filter((x) => x.id === alarm!.id);
      return a?.status === 'resolved' ? a : undefined;
    });
    expect(resolved.count).toBe(1);
    const calls = await waitUntil('the resolve notified', async () =>
      s.callsFor(alarm!.id).length === 2 ? s.callsFor(alarm!.id) : undefined,
    );
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(calls.map((c) => alarmOfCall(c.json).transition)).toEqual(['fired', 'resolved']);
  });

  it('gives a flapping fault one alarm with a count, not a storm of notifications', async () => {
    const { string } = s.stringOf('gw-demo-3', 2);
    const toggles = 8;
    for (let i = 0; i < toggles; i++) {
      const id = await s.inject('gw-demo-3', { type: 'relay-fault', string: 2 });
      // Present, then absent, each until a stored sample shows it: every change is observed.
      await s.waitUntilSeen(string.id, RELAY_CHECK_BIT, true);
      await s.clear('gw-demo-3', id);
      await s.waitUntilSeen(string.id, RELAY_CHECK_BIT, false);
    }
    const alarms = await s.alarmsOf(string.id, CODE);
    expect(alarms).toHaveLength(1);
    const [alarm] = alarms;
    expect(alarm!.count).toBeGreaterThan(1);
    expect(alarm!.flapping).toBe(true);
    // fired, flapping started and at most one resolve are notified; the repeats are silent.
    const calls = s.callsFor(alarm!.id);
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls.length).toBeLessThan(toggles);
  });
});
