// The whole product for the issue 9 acceptance walk, from real parts only: a fresh migrated
// database (TimescaleDB when it answers), a private nats-server, the built ingest, API and web
// app, and one simulated SC1000 read by the built edge agent over SLCAN (pack values) and the SC
// console (per-cell snapshots, which the heatmap and the weak-cell alarm need). People and
// the site come from the demo seed with a fleet of one gateway: an installer, an org admin, an
// owner of the site and a support desk with a grant on it.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared seed, as npm start does
import { createPrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import {
  freePort,
  httpOk,
  type PrivateNats,
  type RunningProcess,
  startPrivateNats,
  startProcess,
  waitFor,
} from '@fleet/test-kit';
import { childDiagnostics, startApiAndWeb } from './web-stack.js';

export interface Person {
  email: string;
  password: string;
  name: string;
}

export interface WalkStack {
  webUrl: string;
  apiUrl: string;
  people: { installer: Person; admin: Person; owner: Person; support: Person };
  site: { id: string; name: string };
  string: { id: string; name: string };
  /** POST /faults on the simulator's control port; resolves with the fault id. */
  injectFault(fault: Record<string, unknown>): Promise<string>;
  /** A JSON call to the API as `who` (signs in once per person). */
  api<T>(who: Person, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** A GET of a file from the API as `who`: status, content type and the bytes. */
  download(who: Person, path: string): Promise<{ status: number; type: string | null; bytes: Buffer }>;
  /** The tail of each child's output, for failure messages. */
  diagnostics(): string;
  stop(): Promise<void>;
}

const node = process.execPath;
const GATEWAY = 'gw-walk-1';
const SITE_NAME = 'Haus Walk, Freiburg';
const password = (who: string) => `walk-${who}-password`;

/** One gateway with one SC1000 string of eight H48050 modules (15 cells each: a full heatmap). */
const FLEET = testing.demoFleetSchema.parse({
  tenant: { name: 'Walk Solar GmbH', slug: 'walk-solar' },
  installer: { email: 'installer@walk.test', password: password('installer'), name: 'Walk Installer' },
  people: [
    { email: 'admin@walk.test', password: password('admin'), name: 'Walk Admin', role: 'org_admin' },
    {
      email: 'owner@walk.test',
      password: password('owner'),
      name: 'Walk Owner',
      role: 'owner',
      sites: [GATEWAY],
    },
  ],
  supportDesk: {
    name: 'Walk Support Desk',
    slug: 'walk-support-desk',
    user: { email: 'support@walk.test', password: password('support'), name: 'Walk Support' },
    grantedSites: [GATEWAY],
  },
  gateways: [
    { gatewayId: GATEWAY, site: SITE_NAME, bus: 'can0', addresses: [0], modules: 8, moduleType: 'H48050' },
  ],
});

const PEOPLE = {
  installer: FLEET.installer,
  admin: FLEET.people[0] as Person,
  owner: FLEET.people[1] as Person,
  support: FLEET.supportDesk?.user as Person,
};

async function migratedDatabase() {
  const targets = await testing.testDatabaseTargets();
  // TimescaleDB is what production runs; plain PostgreSQL takes the same migrations.
  const target = targets.find((t) => t.name === 'timescaledb') ?? targets[0];
  if (!target) {
    throw new Error('no test database server (PostgreSQL on 127.0.0.1:5432 or TEST_DATABASE_URL)');
  }
  const db = await testing.createTestDatabase(target);
  const prisma = createPrismaClient(db.url);
  try {
    await testing.seedDemo(prisma, FLEET);
  } finally {
    await prisma.$disconnect();
  }
  return db;
}

interface Ports {
  api: number;
  web: number;
  ingest: number;
  control: number;
  slcan: number;
  console: number;
}

async function freePorts(): Promise<Ports> {
  return {
    api: await freePort(),
    web: await freePort(),
    ingest: await freePort(),
    control: await freePort(),
    slcan: await freePort(),
    console: await freePort(),
  };
}

/** Ingest first (it applies the streams), then the API and the web app, each answering. */
async function startServices(
  root: string,
  env: { databaseUrl: string; natsUrl: string; ports: Ports; web: boolean },
  children: RunningProcess[],
  diagnostics: () => string,
): Promise<void> {
  const { databaseUrl, natsUrl, ports } = env;
  const common = { DATABASE_URL: databaseUrl, NATS_URL: natsUrl, LOG_LEVEL: 'warn' };
  children.push(
    startProcess('ingest', node, ['apps/ingest/dist/main.js'], {
      cwd: root,
      // A site rule change applies within half a second instead of the production cache time.
      env: { ...common, INGEST_HEALTH_PORT: String(ports.ingest), ALARMS_RULE_CACHE_MS: '500' },
    }),
  );
  await waitFor('ingest', () => httpOk(`http://127.0.0.1:${ports.ingest}/health`), 60_000, diagnostics);
  await startApiAndWeb(root, children, diagnostics, {
    databaseUrl,
    ports,
    web: env.web,
    apiEnv: () => ({
      NATS_URL: natsUrl,
      // Three people sign in in the browser and over the API from one address.
      AUTH_RATE_LIMIT_IP: '500',
      // The notification worker is not under test and would only wait for channels.
      NOTIFY_WORKER: 'off',
    }),
  });
}

/**
 * The simulated battery and its gateway. The site draws a steady 10 A (a load profile file), so a
 * weak cell empties well before its neighbours and stays far below them for the whole walk; the
 * agent takes a per-cell snapshot over the console every 10 s instead of every 5 minutes.
 */
async function startDevices(
  root: string,
  env: { natsUrl: string; ports: Ports; dir: string },
  children: RunningProcess[],
  diagnostics: () => string,
): Promise<void> {
  const { natsUrl, ports, dir } = env;
  const profile = join(dir, 'steady-discharge.json');
  await writeFile(profile, JSON.stringify({ unit: 'currentA', points: [{ time: '00:00', value: -10 }] }));
  const plan = join(dir, 'plan.json');
  await writeFile(plan, JSON.stringify({ cellsEveryS: 10 }));
  children.push(
    startProcess(
      'simulator',
      node,
      [
        ...[
          'apps/simulator/dist/main.js',
          '--tcp',
          String(ports.slcan),
          '--console-tcp',
          String(ports.console),
        ],
        ...['--control-port', String(ports.control), '--addresses', '0', '--modules', '8'],
        ...['--module-type', 'H48050', '--seed', '1', '--profile-file', profile, '--log-level', 'warn'],
      ],
      { cwd: root },
    ),
  );
  await waitFor(
    'the simulator',
    () => httpOk(`http://127.0.0.1:${ports.control}/health`),
    30_000,
    diagnostics,
  );
  children.push(
    startProcess(
      'edge-agent',
      node,
      [
        ...['apps/edge-agent/dist/main.js', '--gateway-id', GATEWAY, '--bus-name', 'can0'],
        ...['--slcan', `tcp://127.0.0.1:${ports.slcan}`, '--console', `tcp://127.0.0.1:${ports.console}`],
        ...['--nats-url', natsUrl, '--spool', 'memory', '--plan', 'live', '--plan-file', plan],
        ...['--status-port', '0', '--log-level', 'warn'],
      ],
      { cwd: root },
    ),
  );
}

interface SiteSummary {
  id: string;
  name: string;
  strings: { id: string; name: string }[];
}

/** Calls the API as the seeded people; each signs in once and keeps its token. */
function apiClient(apiUrl: string) {
  const tokens = new Map<string, string>();
  const send = (method: string, path: string, token?: string, body?: unknown) =>
    fetch(`${apiUrl}/api${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const tokenOf = async (who: Person) => {
    let token = tokens.get(who.email);
    if (token === undefined) {
      const res = await send('POST', '/auth/login', undefined, { email: who.email, password: who.password });
      if (res.status !== 200) {
        throw new Error(`sign-in of ${who.email} answered ${res.status}`);
      }
      token = ((await res.json()) as { token: string }).token;
      tokens.set(who.email, token);
    }
    return token;
  };
  return {
    api: async <T>(who: Person, method: string, path: string, body?: unknown) => {
      const res = await send(method, path, await tokenOf(who), body);
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
    },
    download: async (who: Person, path: string) => {
      const res = await send('GET', path, await tokenOf(who));
      const bytes = Buffer.from(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), bytes };
    },
  };
}

export interface WalkStackOptions {
  /** false: no web app, for checks of the data path that need no browser. */
  web?: boolean;
}

export async function startWalkStack(root: string, options: WalkStackOptions = {}): Promise<WalkStack> {
  const web = options.web ?? true;
  const db = await migratedDatabase();
  const dir = await mkdtemp(join(tmpdir(), 'web-walk-'));
  const children: RunningProcess[] = [];
  let nats: PrivateNats | undefined;
  const diagnostics = childDiagnostics(children);
  const stop = async () => {
    for (const child of [...children].reverse()) {
      await child.stop();
    }
    await nats?.stop();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    nats = await startPrivateNats({ streams: [streams.alarms] });
    const ports = await freePorts();
    await startServices(root, { databaseUrl: db.url, natsUrl: nats.url, ports, web }, children, diagnostics);
    await startDevices(root, { natsUrl: nats.url, ports, dir }, children, diagnostics);
    const apiUrl = `http://127.0.0.1:${ports.api}`;
    const { api, download } = apiClient(apiUrl);
    const sites = await api<{ items: SiteSummary[] }>(PEOPLE.installer, 'GET', '/sites?limit=200');
    const site = sites.body.items.find((s) => s.name === SITE_NAME);
    const string = site?.strings[0];
    if (!site || !string) {
      throw new Error(`the seeded site is missing: ${JSON.stringify(sites)}`);
    }
    const control = `http://127.0.0.1:${ports.control}`;
    return {
      webUrl: `http://127.0.0.1:${ports.web}`,
      apiUrl,
      people: PEOPLE,
      site: { id: site.id, name: site.name },
      string: { id: string.id, name: string.name },
      injectFault: async (fault) => {
        const res = await fetch(`${control}/faults`, { method: 'POST', body: JSON.stringify(fault) });
        const text = await res.text();
        if (res.status !== 201) {
          throw new Error(`POST /faults answered ${res.status}: ${text}`);
        }
        return (JSON.parse(text) as { id: string }).id;
      },
      api,
      download,
      diagnostics,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The weak cell, 0-based as the simulator counts: module 4, cell 8 on the pages. */
export const WEAK_CELL = { module: 3, cell: 7 };
/** What ingest raises for a cell falling away from its module (packages/alarms, derived rules). */
export const WEAK_CELL_ALARM = 'derived.weak_cell';

export interface AlarmItem {
  id: string;
  code: string;
  title: string;
  status: string;
  stringId: string | null;
  assigneeId?: string | null;
}

/** The alarms of the walk's string, as the installer's API sees them. */
async function stringAlarms(stack: WalkStack): Promise<AlarmItem[]> {
  const { body } = await stack.api<{ items: AlarmItem[] }>(
    stack.people.installer,
    'GET',
    `/alarms?string=${stack.string.id}`,
  );
  return body.items;
}

/** The stored snapshot shows the weak cell 50 mV below every other cell (so the heatmap must mark it). */
async function weakCellStored(stack: WalkStack): Promise<boolean> {
  const { status, body } = await stack.api<{ cellVoltagesMv: number[][] }>(
    stack.people.installer,
    'GET',
    `/strings/${stack.string.id}/cells`,
  );
  if (status !== 200) {
    return false;
  }
  const grid = body.cellVoltagesMv;
  const weak = grid[WEAK_CELL.module]?.[WEAK_CELL.cell] ?? 0;
  const others = grid.flatMap((row, m) =>
    row.filter((_, c) => m !== WEAK_CELL.module || c !== WEAK_CELL.cell),
  );
  return weak > 0 && weak < Math.min(...others) - 50;
}

/**
 * Injects the weak cell into the simulator and waits until ingest has opened the weak-cell alarm
 * and the stored per-cell snapshot shows the cell well below its neighbours. Nothing is tuned:
 * the product's default rules raise it.
 */
export async function raiseWeakCellAlarm(stack: WalkStack): Promise<AlarmItem> {
  await stack.injectFault({ type: 'weak-cell', string: 0, ...WEAK_CELL, severity: 0.98 });
  let seen: AlarmItem[] = [];
  await waitFor(
    'the weak-cell alarm',
    async () => {
      seen = await stringAlarms(stack);
      return seen.some((a) => a.code === WEAK_CELL_ALARM && a.status === 'open');
    },
    180_000,
    () => `alarms of the string: ${JSON.stringify(seen)}\n${stack.diagnostics()}`,
  );
  await waitFor(
    'the weak cell in the stored snapshot',
    () => weakCellStored(stack),
    180_000,
    stack.diagnostics,
  );
  return seen.find((a) => a.code === WEAK_CELL_ALARM) as AlarmItem;
}
