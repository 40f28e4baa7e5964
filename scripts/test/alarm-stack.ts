// `npm start`'s stack for the alarm e2e tests, driven over HTTP as users and the simulator's
// operator would: the API (channels, preferences, rules, inbox) and the simulators' fault control.
import pg from 'pg';
import { expect } from 'vitest';
import { type AlarmTargets, alarmOfCall, startAlarmTargets } from './alarm-targets.js';
import { getJson, login, type SiteSummary } from './stack-api.js';
import {
  createDatabase,
  type RunningStack,
  startNats,
  startStack,
  tempDir,
  waitUntil,
} from './stack-harness.js';

const adminUrl = process.env.TEST_TIMESCALE_URL ?? 'postgresql://postgres@127.0.0.1:5433/postgres';

export interface Alarm {
  id: string;
  code: string;
  status: string;
  count: number;
  flapping: boolean;
  stringId: string | null;
}

export class AlarmStack {
  readonly dataDir = tempDir('fleet-alarms-data-');
  stack!: RunningStack;
  nats!: Awaited<ReturnType<typeof startNats>>;
  targets!: AlarmTargets;
  api = '';
  token = '';
  sites: SiteSummary[] = [];
  databaseUrl = '';

  async start(): Promise<void> {
    this.nats = await startNats();
    this.targets = await startAlarmTargets();
    const databaseUrl = await createDatabase(adminUrl, 'fleet_e2e_alarms');
    this.databaseUrl = databaseUrl;
    this.stack = await startStack(
      {
        DATABASE_URL: databaseUrl,
        NATS_URL: this.nats.url,
        NOTIFY_SMTP_URL: this.targets.smtp.url,
        NOTIFY_MAIL_FROM: 'alarms@fleet.test',
        // The test's webhook receiver listens on 127.0.0.1.
        NOTIFY_WEBHOOK_PRIVATE: 'allow',
        // A rule PUT applies within half a second instead of five.
        ALARMS_RULE_CACHE_MS: '500',
      },
      ['--data-dir', this.dataDir],
    );
    this.api = `http://127.0.0.1:${this.stack.ports.api}`;
    this.token = await login(this.api);
    this.sites = (
      await getJson<{ items: SiteSummary[] }>(`${this.api}/api/sites?limit=200`, this.token)
    ).body.items;
  }

  async stop(): Promise<void> {
    await this.stack?.interrupt();
    await this.targets?.stop();
    await this.nats?.stop();
    if (this.databaseUrl) {
      // Only after the launcher stopped every service: nothing holds a connection any more.
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(
        `DROP DATABASE IF EXISTS "${new URL(this.databaseUrl).pathname.slice(1)}" WITH (FORCE)`,
      );
      await client.end();
    }
  }

  /** As a user would: a webhook and an email channel, and the installer's own preference. */
  async subscribeInstaller(): Promise<void> {
    const hook = await this.call('POST', '/notification-channels', {
      kind: 'webhook',
      name: 'ops hook',
      url: this.targets.webhook.url,
    });
    this.targets.webhook.secret = hook.secret as string;
    const email = await this.call('POST', '/notification-channels', { kind: 'email', name: 'mine', to: [] });
    await this.call('PUT', '/me/notification-preferences', {
      channelIds: [email.id],
      minSeverity: 'info',
      quietHours: null,
      timezone: 'UTC',
      digestAt: null,
    });
  }

  async call(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
    const res = await fetch(`${this.api}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    expect(res.status, `${method} ${path}: ${text}`).toBeLessThan(300);
    return (text ? JSON.parse(text) : undefined) as Record<string, unknown>;
  }

  /** The demo's simulators take consecutive control ports in gateway order (gw-demo-1 first). */
  simulator(gatewayId: string): string {
    return `http://127.0.0.1:${this.stack.ports.simControl + Number(gatewayId.slice(-1)) - 1}`;
  }

  async inject(gatewayId: string, fault: object): Promise<string> {
    const res = await fetch(`${this.simulator(gatewayId)}/faults`, {
      method: 'POST',
      body: JSON.stringify(fault),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  async clear(gatewayId: string, id: string): Promise<void> {
    const res = await fetch(`${this.simulator(gatewayId)}/faults/${id}`, { method: 'DELETE' });
    expect(res.ok).toBe(true);
  }

  async alarmsOf(stringId: string, code: string): Promise<Alarm[]> {
    const { body } = await getJson<{ items: Alarm[] }>(
      `${this.api}/api/alarms?string=${stringId}`,
      this.token,
    );
    return body.items.filter((a) => a.code === code);
  }

  callsFor(alarmId: string) {
    return this.targets.webhook.calls.filter((c) => alarmOfCall(c.json).alarmId === alarmId);
  }

  stringOf(gatewayId: string, bmsAddress: number) {
    const site = this.sites.find((s) => s.gatewayIds.includes(gatewayId))!;
    return { site, string: site.strings.find((s) => s.bmsAddress === bmsAddress)! };
  }

  async latest(stringId: string): Promise<Record<string, unknown> | undefined> {
    const res = await getJson<Record<string, unknown>>(
      `${this.api}/api/strings/${stringId}/latest`,
      this.token,
    );
    return res.status === 200 ? res.body : undefined;
  }

  /** Waits until the stored sample of the string shows error bit `bit` on or off. */
  async waitUntilSeen(stringId: string, bit: number, on: boolean): Promise<void> {
    await waitUntil(`error bit ${bit} ${on ? 'on' : 'off'} in the stored sample`, async () => {
      const sample = await this.latest(stringId);
      return sample && ((Number(sample.errorBits ?? 0) >> bit) & 1) === (on ? 1 : 0) ? true : undefined;
    });
  }
}
