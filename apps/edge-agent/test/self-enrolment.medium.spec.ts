// Issue 10: an agent started with --enrol-api and an empty data dir enrols itself. Real processes:
// simulator → agent (from source) → a site nats-server in operator mode (leaf of a hub with
// JetStream), and the built API holding the account signing key. Before the claim nothing is
// published, the status page shows the code and the readings pile up in the spool; after the
// claim through the API the same process publishes as the claimed gateway, backlog included.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { streams, telemetryEnvelopeSchema } from '@fleet/telemetry';
import {
  freePort,
  type PrivateNats,
  type RunningProcess,
  repoRoot,
  startPrivateNats,
  startTs,
  stopProcess,
  waitFor,
} from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SiteNats, startSiteNats } from '../../web/e2e/support/site-nats.js';
import { childDiagnostics, startApiAndWeb } from '../../web/e2e/support/web-stack.js';

const [target] = await testing.testDatabaseTargets();

interface Seen {
  gatewayId: string;
  firstTs: string;
  at: number;
}

const children: RunningProcess[] = [];
const spawned: RunningProcess[] = [];
const seen: Seen[] = [];
const rejected: string[] = [];
let hub: PrivateNats;
let site: SiteNats;
let db: testing.TestDatabase;
let nc: NatsConnection;
let dir: string;
let api: string;
let token: string;
let siteId: string;
let status: string;
const diagnostics = () =>
  `${childDiagnostics(children)()}\n${spawned.map((p) => `--- ${p.name} ---\n${p.output().slice(-4000)}`).join('\n')}`;

/** Hub and site NATS, a stream for the gateway's subjects, the database and the built API. */
async function startCloud(): Promise<void> {
  dir = await mkdtemp(join(tmpdir(), 'self-enrol-'));
  hub = await startPrivateNats({ leafnodes: true, streams: [streams.alarms] });
  site = await startSiteNats(hub.leafUrl as string);
  nc = await connect({ servers: hub.url });
  // Ingest would make these streams; without them the agent's publishes are never acknowledged
  // (and its boot event, the oldest batch, would hold the queue).
  await (await jetstreamManager(nc)).streams.add({
    name: 'SELF_ENROL',
    subjects: ['bms.v1.tlm.>', 'bms.v1.evt.>'],
  });
  const sub = nc.subscribe('bms.v1.tlm.>');
  void (async () => {
    for await (const msg of sub) {
      const parsed = telemetryEnvelopeSchema.safeParse(msg.json());
      if (!parsed.success) {
        rejected.push(parsed.error.message);
        continue;
      }
      const envelope = parsed.data;
      const firstTs = envelope.samples[0]?.ts;
      seen.push({ gatewayId: envelope.gatewayId, firstTs: String(firstTs), at: Date.now() });
    }
  })();

  db = await testing.createTestDatabase(target as testing.TestDatabaseTarget);
  const prisma = createPrismaClient(db.url);
  const tenant = await testing.createTenant(prisma, { name: 'Self-enrol Solar', kind: 'installer' });
  siteId = (await testing.createSite(prisma, { tenantId: tenant.id, name: 'Roof' })).id;
  const installer = await testing.createUser(prisma, { tenantId: tenant.id, role: 'installer' });
  await prisma.$disconnect();
  ({ apiUrl: api } = await startApiAndWeb(`${repoRoot}/`, children, diagnostics, {
    databaseUrl: db.url,
    web: false,
    apiEnv: () => ({
      NATS_URL: hub.url,
      ...site.apiEnv,
      // The agent polls every second here (every 10 s in the field), above the default limit.
      AUTH_RATE_LIMIT: '1000',
      AUTH_RATE_LIMIT_IP: '1000',
      NOTIFY_WORKER: 'off',
    }),
  }));
  const login = await fetch(`${api}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: installer.email, password: installer.password }),
  });
  token = ((await login.json()) as { token: string }).token;
}

/** The simulated SC1000 and the agent, started with an empty data dir and --enrol-api. */
async function startGateway(): Promise<void> {
  const [simPort, controlPort, statusPort] = [await freePort(), await freePort(), await freePort()];
  spawned.push(
    startTs('simulator', 'apps/simulator/src/main.ts', [
      ...['--tcp', String(simPort), '--control-port', String(controlPort), '--addresses', '1'],
      ...['--seed', '5', '--tick-ms', '200'],
    ]),
  );
  await waitFor(
    'the simulator',
    async () => (await fetch(`http://127.0.0.1:${controlPort}/health`)).ok,
    30_000,
    diagnostics,
  );
  // No --gateway-id, no --nats-creds: the data dir is empty, so the agent must enrol.
  spawned.push(
    startTs('edge-agent', 'apps/edge-agent/src/main.ts', [
      ...['--enrol-api', api, '--enrol-poll-s', '1', '--data-dir', join(dir, 'data')],
      ...['--slcan', `tcp://127.0.0.1:${simPort}`, '--nats-url', site.url],
      ...['--poll-ms', '300', '--reply-window-ms', '150', '--plan', 'live'],
      ...['--spool', join(dir, 'spool.db'), '--status-port', String(statusPort), '--log-level', 'info'],
    ]),
  );
  status = `http://127.0.0.1:${statusPort}`;
}

async function stopAll(): Promise<void> {
  for (const p of spawned.reverse()) {
    await stopProcess(p);
  }
  for (const child of children.reverse()) {
    await child.stop();
  }
  await nc?.close();
  await site?.stop();
  await hub?.stop();
  await db?.drop();
  await rm(dir, { recursive: true, force: true });
}

describe('an agent with --enrol-api and no credentials enrols itself', () => {
  beforeAll(async () => {
    await startCloud();
    await startGateway();
  }, 120_000);
  afterAll(stopAll);

  let code = '';
  let claimedAt = 0;

  it('before the claim shows its code on its status endpoint, spools and publishes nothing', async () => {
    const backlog = await waitFor(
      'readings spooled while unclaimed',
      async () => {
        const now = (await (await fetch(`${status}/status`)).json()) as { spool: { depth: number } };
        return now.spool.depth >= 3 ? now : undefined;
      },
      20_000,
      diagnostics,
    );
    expect(backlog).toMatchObject({ claimed: false });
    const claim = (await (await fetch(`${status}/claim`)).json()) as { claimCode: string; claimed: boolean };
    expect(claim).toMatchObject({ claimed: false, claimCode: expect.stringMatching(/^\w{4}-\w{4}-\w{4}$/) });
    code = claim.claimCode;
    // One page: the claim code beside health and metrics on the same port.
    expect(await (await fetch(`${status}/`)).text()).toContain(code);
    expect((await fetch(`${status}/health`)).ok).toBe(true);
    expect((await fetch(`${status}/metrics`)).status).toBe(200);
    expect(seen).toEqual([]);
  });

  it('after the claim through the API publishes as the claimed gateway, spooled samples first', async () => {
    claimedAt = Date.now();
    const claimed = await fetch(`${api}/api/sites/${siteId}/claims`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'Self-enrolled' }),
    });
    expect(claimed.status).toBe(201);
    const gatewayId = ((await claimed.json()) as { id: string }).id;
    const backlog = await waitFor(
      'a sample read before the claim to arrive',
      () => seen.find((s) => Date.parse(s.firstTs) < claimedAt),
      20_000,
      diagnostics,
    );
    expect(backlog.gatewayId).toBe(gatewayId);
    expect(new Set(seen.map((s) => s.gatewayId))).toEqual(new Set([gatewayId]));
    expect(rejected).toEqual([]);
    await waitFor(
      'a live sample',
      () => seen.find((s) => Date.parse(s.firstTs) > claimedAt),
      10_000,
      diagnostics,
    );
    expect(await (await fetch(`${status}/claim`)).json()).toMatchObject({ claimed: true, gatewayId });
    expect(spawned[1]?.child.exitCode).toBeNull();
  });
});
