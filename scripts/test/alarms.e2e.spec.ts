// Acceptance of issue 7 on the whole product as `npm start` runs it: a fault injected into the
// simulator travels SLCAN → agent → JetStream → ingest's alarm evaluator → outbox → ALARMS →
// the api's notification worker → a signed webhook and an email at a real SMTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlarmTargets, alarmOfCall, startAlarmTargets } from './alarm-targets.js';
import { DEMO_LOGIN, getJson, login, type SiteSummary } from './stack-api.js';
import {
  createDatabase,
  type RunningStack,
  startNats,
  startStack,
  tempDir,
  waitUntil,
} from './stack-harness.js';

const adminUrl = process.env.TEST_TIMESCALE_URL ?? 'postgresql://postgres@127.0.0.1:5433/postgres';
const CODE = 'hv.error.relay_check';
// Short delays so the test does not wait for the production ones; flapping after 4 changes a
// minute. The flapping site clears only after 10 s, longer than one off phase of the toggling.
const rulesWith = (clearDelayS: number) => ({
  rules: {
    'bits.error': { fireDelayS: 0, clearDelayS, flapping: { windowS: 60, maxTransitions: 4 } },
  },
});

interface Alarm {
  id: string;
  code: string;
  status: string;
  count: number;
  flapping: boolean;
  stringId: string | null;
}

describe('npm start: a simulator fault becomes an alarm, a signed webhook and an email', () => {
  let stack: RunningStack;
  let nats: Awaited<ReturnType<typeof startNats>>;
  let targets: AlarmTargets;
  let api: string;
  let token: string;
  let sites: SiteSummary[];

  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return (text ? JSON.parse(text) : undefined) as Record<string, unknown>;
  };
  const simulator = (gatewayId: string) =>
    `http://127.0.0.1:${stack.ports.simControl + Number(gatewayId.slice(-1)) - 1}`;
  const inject = async (gatewayId: string, fault: object) => {
    const res = await fetch(`${simulator(gatewayId)}/faults`, {
      method: 'POST',
      body: JSON.stringify(fault),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  };
  const clear = async (gatewayId: string, id: string) => {
    expect((await fetch(`${simulator(gatewayId)}/faults/${id}`, { method: 'DELETE' })).ok).toBe(true);
  };
  const alarmsOf = async (stringId: string) =>
    (await getJson<{ items: Alarm[] }>(`${api}/api/alarms?string=${stringId}`, token)).body.items.filter(
      (a) => a.code === CODE,
    );
  const callsFor = (alarmId: string) =>
    targets.webhook.calls.filter((c) => alarmOfCall(c.json).alarmId === alarmId);
  const stringOf = (gatewayId: string, bmsAddress: number) => {
    const site = sites.find((s) => s.gatewayIds.includes(gatewayId))!;
    return { site, string: site.strings.find((s) => s.bmsAddress === bmsAddress)! };
  };

  beforeAll(async () => {
    nats = await startNats();
    targets = await startAlarmTargets();
    const databaseUrl = await createDatabase(adminUrl, 'fleet_e2e_alarms');
    stack = await startStack(
      {
        DATABASE_URL: databaseUrl,
        NATS_URL: nats.url,
        NOTIFY_SMTP_URL: targets.smtp.url,
        NOTIFY_MAIL_FROM: 'alarms@fleet.test',
        // A rule PUT applies within half a second instead of five.
        ALARMS_RULE_CACHE_MS: '500',
      },
      ['--data-dir', tempDir('fleet-alarms-data-')],
    );
    api = `http://127.0.0.1:${stack.ports.api}`;
    token = await login(api);
    sites = (await getJson<SiteSummary[]>(`${api}/api/sites`, token)).body;
    // As a user would: a webhook and an email channel, and the installer's own preference.
    const hook = await call('POST', '/notification-channels', {
      kind: 'webhook',
      name: 'ops hook',
      url: targets.webhook.url,
    });
    targets.webhook.secret = hook.secret as string;
    const email = await call('POST', '/notification-channels', {
      kind: 'email',
      name: 'installer mail',
      to: [],
    });
    await call('PUT', '/me/notification-preferences', {
      channelIds: [email.id],
      minSeverity: 'info',
      quietHours: null,
      timezone: 'UTC',
      digestAt: null,
    });
    await call('PUT', `/sites/${stringOf('gw-demo-1', 0).site.id}/alarm-rules`, rulesWith(3));
    await call('PUT', `/sites/${stringOf('gw-demo-3', 2).site.id}/alarm-rules`, rulesWith(10));
    // Wait until readings flow, so the fault is not the first thing the evaluator sees.
    for (const [gatewayId, address] of [
      ['gw-demo-1', 0],
      ['gw-demo-3', 2],
    ] as const) {
      const { string } = stringOf(gatewayId, address);
      await waitUntil(`a reading of ${gatewayId}`, async () =>
        (await getJson(`${api}/api/strings/${string.id}/latest`, token)).status === 200 ? true : undefined,
      );
    }
  });

  afterAll(async () => {
    await stack?.interrupt();
    await targets?.stop();
    await nats?.stop();
  });

  it('fires one alarm, one verified webhook call and one email; clearing resolves it', async () => {
    const { string } = stringOf('gw-demo-1', 0);
    const faultId = await inject('gw-demo-1', { type: 'relay-fault', string: 0 });

    const [alarm] = await waitUntil('the relay-check alarm', async () => {
      const open = (await alarmsOf(string.id)).filter((a) => a.status === 'open');
      return open.length > 0 ? open : undefined;
    });
    const fired = await waitUntil('the webhook call', async () => {
      const calls = callsFor(alarm!.id);
      return calls.length > 0 ? calls : undefined;
    });
    expect(fired).toHaveLength(1);
    expect(fired[0]!.verified).toBe(true);
    expect(alarmOfCall(fired[0]!.json)).toMatchObject({ code: CODE, transition: 'fired' });
    const mail = await waitUntil('the email', async () => {
      const mails = targets.smtp.messages().filter((m) => m.to.includes(DEMO_LOGIN.email));
      return mails.length > 0 ? mails : undefined;
    });
    expect(mail).toHaveLength(1);
    expect(mail[0]!.header('subject')).toContain('fired');
    expect(mail[0]!.from).toBe('alarms@fleet.test');
    expect((await alarmsOf(string.id)).filter((a) => a.status === 'open')).toHaveLength(1);

    await clear('gw-demo-1', faultId);
    const resolved = await waitUntil('the alarm resolved after the clear delay', async () => {
      const [a] = (await alarmsOf(string.id)).filter((x) => x.id === alarm!.id);
      return a?.status === 'resolved' ? a : undefined;
    });
    expect(resolved.count).toBe(1);
    const calls = await waitUntil('the resolve notified', async () =>
      callsFor(alarm!.id).length === 2 ? callsFor(alarm!.id) : undefined,
    );
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(calls.map((c) => alarmOfCall(c.json).transition)).toEqual(['fired', 'resolved']);
  });

  it('gives a flapping fault one alarm with a count, not a storm of notifications', async () => {
    const { string } = stringOf('gw-demo-3', 2);
    const toggles = 8;
    for (let i = 0; i < toggles; i++) {
      const id = await inject('gw-demo-3', { type: 'relay-fault', string: 2 });
      // Present, then absent, each for at least one agent poll (2 s): every change is seen.
      await waitUntilSeen(string.id, true);
      await clear('gw-demo-3', id);
      await waitUntilSeen(string.id, false);
    }
    const alarms = await alarmsOf(string.id);
    expect(alarms).toHaveLength(1);
    const [alarm] = alarms;
    expect(alarm!.count).toBeGreaterThan(1);
    // fired, flapping started and at most one resolve are notified; the repeats are silent.
    const calls = callsFor(alarm!.id);
    expect(calls.every((c) => c.verified)).toBe(true);
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls.length).toBeLessThan(toggles);
  });

  /** Waits until the stored sample of the string shows the relay-check error bit on or off. */
  async function waitUntilSeen(stringId: string, on: boolean): Promise<void> {
    await waitUntil(`relay-check ${on ? 'on' : 'off'} in the stored sample`, async () => {
      const { body } = await getJson<Record<string, unknown>>(`${api}/api/strings/${stringId}/latest`, token);
      return relayCheckBit(body) === on ? true : undefined;
    });
  }
});

/** Error bit 5 of the 0x4250 error byte, as the latest sample carries it. */
function relayCheckBit(sample: Record<string, unknown>): boolean {
  return ((Number(sample.errorBits ?? 0) >> 5) & 1) === 1;
}
