// npm run bench:alarm-latency — issue 7's latency goal on the whole product: 100 faults injected
// over the simulators' control API across 50 strings (7 MBMS1000 simulators, live-plan agents
// polling every second), timed from the POST /faults to the signed webhook call at a local target.
// Goal: p95 < one poll interval + 2 s. The poll interval, set in this run, is the baseline.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import pg from 'pg';
import { getJson } from '../test/stack-api.js';
import { createDatabase, freePort, repoRoot, startNats, tempDir, waitUntil } from '../test/stack-harness.js';
import { type BenchGateway, BenchProcesses, fleetLayout, startFleet, writeFleetFile } from './bench-fleet.js';
import { TimedWebhook } from './timed-webhook.js';

const POLL_MS = 1000;
const STRINGS = 50;
const FAULTS = 100;
const SPREAD_MS = 400;
const GOAL_MS = POLL_MS + 2000;
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5433/postgres';
// Two faults per string, each its own alarm (error bits 5 and 2 of the 0x4250 error byte).
const ROUNDS = [
  { type: 'relay-fault', code: 'hv.error.relay_check' },
  { type: 'internal-comm-error', code: 'hv.error.internal_communication' },
] as const;

interface Target {
  gateway: BenchGateway;
  address: number;
  stringId: string;
}
interface Injected {
  target: Target;
  code: string;
  t0: number;
  latencyMs?: number;
}

function run(what: string, script: string, env: Record<string, string>): void {
  const res = spawnSync(process.execPath, [script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`${what} failed: ${res.stderr || res.stdout}`);
  }
}

async function post(url: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) {
    throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
  }
  return (await res.json()) as Record<string, unknown>;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/** Strings of the seeded fleet by gateway and CAN address, from the API as a user sees them. */
async function targetsOf(api: string, token: string, gateways: BenchGateway[]): Promise<Target[]> {
  const {
    body: { items: sites },
  } = await getJson<{ items: { gatewayIds: string[]; strings: { id: string; bmsAddress: number }[] }[] }>(
    `${api}/api/sites?limit=200`,
    token,
  );
  return gateways.flatMap((gateway) => {
    const site = sites.find((s) => s.gatewayIds.includes(gateway.gatewayId));
    return gateway.addresses.map((address) => ({
      gateway,
      address,
      stringId: site!.strings.find((s) => s.bmsAddress === address)!.id,
    }));
  });
}

async function startStack(runDir: string, procs: BenchProcesses, webhookUrl: string, webhook: TimedWebhook) {
  const nats = await startNats();
  const databaseUrl = await createDatabase(adminUrl, 'fleet_bench_alarms');
  const layout = fleetLayout(STRINGS);
  const env = { DATABASE_URL: databaseUrl, NATS_URL: nats.url, LOG_LEVEL: 'warn' };
  run('migrate', 'packages/db/dist/cli/migrate.js', env);
  run('seed', 'packages/db/dist/cli/seed.js', { ...env, DEMO_FLEET_FILE: writeFleetFile(runDir, layout) });
  const [apiPort, ingestPort] = [await freePort(), await freePort()];
  procs.spawnNode('ingest', 'apps/ingest/dist/main.js', [], {
    ...env,
    INGEST_HEALTH_PORT: String(ingestPort),
  });
  procs.spawnNode('api', 'apps/api/dist/main.js', [], {
    ...env,
    API_PORT: String(apiPort),
    AUTH_SECRET: randomBytes(32).toString('hex'),
    // The bench's webhook receiver listens on 127.0.0.1.
    NOTIFY_WEBHOOK_PRIVATE: 'allow',
  });
  const api = `http://127.0.0.1:${apiPort}`;
  await waitUntil(
    'ingest',
    async () => ((await fetch(`http://127.0.0.1:${ingestPort}/health`)).ok ? true : undefined),
    120_000,
  );
  await waitUntil('api', async () => ((await fetch(`${api}/api/health`)).ok ? true : undefined), 120_000);
  const gateways = await startFleet(procs, layout, nats.url, POLL_MS);
  const { token } = (await post(`${api}/api/auth/login`, {
    email: 'bench@fleet.test',
    password: 'bench-password',
  })) as {
    token: string;
  };
  const hook = await post(
    `${api}/api/notification-channels`,
    { kind: 'webhook', name: 'bench', url: webhookUrl },
    token,
  );
  webhook.secret = hook.secret as string;
  const targets = await targetsOf(api, token, gateways);
  await waitUntil(
    `readings from all ${STRINGS} strings`,
    async () => {
      for (const t of targets) {
        if ((await getJson(`${api}/api/strings/${t.stringId}/latest`, token)).status !== 200) {
          return undefined;
        }
      }
      return true;
    },
    180_000,
  );
  return { nats, targets, databaseUrl };
}

/** Drops the bench's throw-away database (its name is the last path segment of the URL). */
async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

async function injectAll(targets: Target[]): Promise<Injected[]> {
  const injected: Injected[] = [];
  for (const [round, { type, code }] of ROUNDS.entries()) {
    for (const target of targets.slice(0, FAULTS / ROUNDS.length)) {
      const t0 = performance.now();
      await post(`${target.gateway.controlUrl}/faults`, { type, string: target.address });
      injected.push({ target, code, t0 });
      // Spread over time; the second round starts while the first round's alarms are still open.
      await new Promise((r) => setTimeout(r, SPREAD_MS - (round === 0 ? 0 : SPREAD_MS / 2)));
    }
  }
  return injected;
}

function match(injected: Injected[], webhook: TimedWebhook): number {
  for (const f of injected.filter((x) => x.latencyMs === undefined)) {
    const call = webhook.calls.find(
      (c) =>
        c.alarm.stringId === f.target.stringId &&
        c.alarm.code === f.code &&
        c.alarm.transition === 'fired' &&
        c.atMs >= f.t0,
    );
    if (call) {
      f.latencyMs = call.atMs - f.t0;
    }
  }
  return injected.filter((x) => x.latencyMs !== undefined).length;
}

async function main(): Promise<void> {
  const runDir = tempDir('fleet-alarm-bench-');
  const procs = new BenchProcesses(runDir);
  const webhook = new TimedWebhook();
  const webhookUrl = await webhook.start();
  const started = performance.now();
  let stack: Awaited<ReturnType<typeof startStack>> | undefined;
  try {
    stack = await startStack(runDir, procs, webhookUrl, webhook);
    console.log(`stack up in ${((performance.now() - started) / 1000).toFixed(0)} s; logs in ${runDir}`);
    const injected = await injectAll(stack.targets);
    await waitUntil(
      'every fault at the webhook',
      async () => (match(injected, webhook) === FAULTS ? true : undefined),
      90_000,
    ).catch((error: Error) => console.error(error.message));
    report(injected, webhook);
    for (const g of new Set(stack.targets.map((t) => t.gateway.controlUrl))) {
      await fetch(`${g}/faults`, { method: 'DELETE' });
    }
  } finally {
    await procs.stopAll();
    await webhook.stop();
    await stack?.nats.stop();
    if (stack) {
      await dropDatabase(stack.databaseUrl);
    }
    if (!process.env.BENCH_KEEP_LOGS) {
      rmSync(runDir, { recursive: true, force: true });
    }
  }
}

function report(injected: Injected[], webhook: TimedWebhook): void {
  const latencies = injected
    .flatMap((f) => (f.latencyMs === undefined ? [] : [f.latencyMs]))
    .sort((a, b) => a - b);
  const [p50, p95, max] = [
    percentile(latencies, 50),
    percentile(latencies, 95),
    latencies.at(-1) ?? Number.NaN,
  ];
  const verified = webhook.calls.filter((c) => c.verified).length;
  console.log(
    `faults injected           ${injected.length} across ${STRINGS} strings, one every ~${SPREAD_MS} ms`,
  );
  console.log(
    `fired webhook calls       ${latencies.length} matched; ${verified}/${webhook.calls.length} calls verified`,
  );
  console.log(
    `injection → webhook       p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${max.toFixed(0)} ms`,
  );
  console.log(
    `ratio to poll (${POLL_MS} ms)   p50 ${(p50 / POLL_MS).toFixed(2)}×, p95 ${(p95 / POLL_MS).toFixed(2)}×`,
  );
  console.log(`goal p95 < ${GOAL_MS} ms     ${p95 < GOAL_MS ? 'met' : 'NOT met'}`);
  console.log(
    `alarm_latency poll_ms=${POLL_MS} strings=${STRINGS} faults=${injected.length} received=${latencies.length} ` +
      `verified=${verified} calls=${webhook.calls.length} p50_ms=${p50.toFixed(0)} p95_ms=${p95.toFixed(0)} ` +
      `max_ms=${max.toFixed(0)} p50_ratio=${(p50 / POLL_MS).toFixed(2)} p95_ratio=${(p95 / POLL_MS).toFixed(2)} ` +
      `goal_ms=${GOAL_MS} goal_met=${p95 < GOAL_MS && latencies.length === FAULTS}`,
  );
}

await main();
