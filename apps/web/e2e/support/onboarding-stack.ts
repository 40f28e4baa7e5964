// The product as an installer meets it when putting a new site into service (issue 10), from real
// parts only: a fresh database with one installer and one empty site; a hub nats-server with
// ingest and the API (which signs gateway credentials); a site nats-server in operator mode that
// admits only gateways with a user JWT from that API; the built web app; and gateways — the edge
// agent's `enrol` (claim code, then credentials) and then the agent itself in front of a simulated
// SC1000, all sped up to the shortest intervals they accept.

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as testing from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import {
  freePort,
  httpOk,
  type PrivateNats,
  type RunningProcess,
  run,
  startPrivateNats,
  startProcess,
  waitFor,
} from '@fleet/test-kit';
import { type SiteNats, startSiteNats } from './site-nats.js';
import { startWebStack, type WebStack } from './web-stack.js';

const node = process.execPath;

export interface OnboardingSeed {
  siteId: string;
  installer: { email: string; password: string; name: string };
}

export interface OnboardingStack extends WebStack<OnboardingSeed> {
  siteNats: SiteNats;
  /** A new gateway's first start: makes its key, shows its claim code, polls until claimed. */
  enrol(): Promise<Enrolling>;
  /** The edge agent of `gatewayId` in front of a fresh simulated SC1000; creds from its enrolment. */
  startGateway(gatewayId: string, credsFile?: string): Promise<RunningProcess>;
  /** The claim code a gateway that nobody claims would show (its key made, nothing else). */
  unclaimedCode(): Promise<string>;
}

export interface Enrolling {
  process: RunningProcess;
  /** The gateway's loopback claim page. */
  statusUrl: string;
  dataDir: string;
}

/** Compiles what the web stack does not (ingest, simulator, agent) unless FLEET_E2E_SKIP_BUILD=1. */
async function buildDevices(root: string): Promise<void> {
  if (process.env.FLEET_E2E_SKIP_BUILD === '1') {
    return;
  }
  const projects = ['apps/ingest', 'apps/simulator', 'apps/edge-agent'];
  await run(node, ['node_modules/typescript/bin/tsc', '-b', ...projects], { cwd: root });
}

type Nats = { hub: PrivateNats; site: SiteNats };

/** Database, hub and site NATS, API (holding the account signing key) and web app. */
function startApps(root: string): Promise<WebStack<OnboardingSeed> & { extra: Nats }> {
  return startWebStack<OnboardingSeed, Nats>(root, {
    seed: async (prisma) => {
      const tenant = await testing.createTenant(prisma, { name: 'Onboarding Solar', kind: 'installer' });
      const site = await testing.createSite(prisma, { tenantId: tenant.id, name: 'New site' });
      const installer = await testing.createUser(prisma, {
        tenantId: tenant.id,
        role: 'installer',
        name: 'Ina Installer',
      });
      return { siteId: site.id, installer: { ...installer, name: installer.name } };
    },
    extras: async () => {
      const hub = await startPrivateNats({ leafnodes: true, streams: [streams.alarms] });
      const site = await startSiteNats(hub.leafUrl as string).catch(async (error: unknown) => {
        await hub.stop();
        throw error;
      });
      const stop = async () => {
        await site.stop();
        await hub.stop();
      };
      return { hub, site, stop };
    },
    apiEnv: (_urls, { hub, site }) => ({
      NATS_URL: hub.url,
      ...site.apiEnv,
      // Gateways poll every second here (every 10 s in the field), above the default limit.
      AUTH_RATE_LIMIT: '1000',
      AUTH_RATE_LIMIT_IP: '1000',
      NOTIFY_WORKER: 'off',
    }),
    webEnv: { MAP_TILE_URL: '' },
  });
}

/** The gateways of the walk: each gets its own data dir, simulator and agent. */
class Gateways {
  readonly processes: RunningProcess[] = [];
  private count = 0;

  constructor(
    private readonly root: string,
    private readonly dir: string,
    private readonly urls: { api: string; siteNats: string },
    private readonly diagnostics: () => string,
  ) {}

  async enrol(): Promise<Enrolling> {
    const dataDir = join(this.dir, `gateway-${++this.count}`);
    const port = await freePort();
    const enrolling = startProcess(
      'enrol',
      node,
      [
        'apps/edge-agent/dist/claim/claim-main.js',
        ...['enrol', '--api-url', this.urls.api, '--data-dir', dataDir],
        ...['--status-port', String(port), '--poll-s', '1'],
      ],
      { cwd: this.root },
    );
    this.processes.push(enrolling);
    const statusUrl = `http://127.0.0.1:${port}`;
    await waitFor('the gateway claim page', () => httpOk(`${statusUrl}/claim`), 30_000, this.diagnostics);
    return { process: enrolling, statusUrl, dataDir };
  }

  async unclaimedCode(): Promise<string> {
    const dataDir = join(this.dir, `gateway-${++this.count}`);
    const printed = startProcess(
      'code',
      node,
      ['apps/edge-agent/dist/claim/claim-main.js', 'code', '--data-dir', dataDir],
      { cwd: this.root },
    );
    await printed.exited;
    const code = /[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(printed.output())?.[0];
    if (!code) {
      throw new Error(`no claim code printed: ${printed.output()}`);
    }
    return code;
  }

  async start(gatewayId: string, credsFile?: string): Promise<RunningProcess> {
    const sim = await startSimulator(this.root, join(this.dir, gatewayId));
    this.processes.push(sim.process);
    await waitFor('the simulator', () => httpOk(`${sim.control}/health`), 30_000, this.diagnostics);
    const agent = startProcess(
      gatewayId,
      node,
      [
        ...['apps/edge-agent/dist/main.js', '--gateway-id', gatewayId, '--bus-name', 'can0'],
        ...['--slcan', `tcp://127.0.0.1:${sim.slcan}`, '--nats-url', this.urls.siteNats],
        ...(credsFile ? ['--nats-creds', credsFile] : []),
        // Every reading sent at once. The bus item judges the frames between two heartbeats and
        // needs 100 (about nine a poll): 20 polls a heartbeat, against 30 at the field's 2 s / 60 s.
        ...['--spool', 'memory', '--plan', 'live', '--poll-ms', '500', '--heartbeat-s', '10'],
        ...['--status-port', '0', '--log-level', 'warn'],
      ],
      { cwd: this.root },
    );
    this.processes.push(agent);
    return agent;
  }
}

export async function startOnboardingStack(root: string): Promise<OnboardingStack> {
  await buildDevices(root);
  const dir = await mkdtemp(join(tmpdir(), 'onboarding-'));
  const stack = await startApps(root);
  const ingest: RunningProcess[] = [];
  const outputs = (): string =>
    [...ingest, ...gateways.processes, stack.extra.site.process]
      .map((c) => `--- ${c.name} ---\n${c.output().slice(-4000)}`)
      .join('\n');
  const diagnostics = () => `${stack.diagnostics()}\n${outputs()}`;
  const gateways = new Gateways(
    root,
    dir,
    { api: stack.apiUrl, siteNats: stack.extra.site.url },
    diagnostics,
  );
  const stop = async () => {
    for (const child of [...ingest, ...gateways.processes].reverse()) {
      await child.stop();
    }
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await freePort();
    ingest.push(
      startProcess('ingest', node, ['apps/ingest/dist/main.js'], {
        cwd: root,
        env: {
          DATABASE_URL: stack.databaseUrl,
          NATS_URL: stack.extra.hub.url,
          INGEST_HEALTH_PORT: String(port),
          LOG_LEVEL: 'warn',
        },
      }),
    );
    // Ingest applies the streams at start: gateways must not publish before they exist.
    await waitFor('ingest', () => httpOk(`http://127.0.0.1:${port}/health`), 60_000, diagnostics);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    ...stack,
    siteNats: stack.extra.site,
    diagnostics,
    stop,
    enrol: () => gateways.enrol(),
    unclaimedCode: () => gateways.unclaimedCode(),
    startGateway: (gatewayId, credsFile) => gateways.start(gatewayId, credsFile),
  };
}

/**
 * One SC1000 string of eight modules, fully charged and at rest (the `idle` profile): the
 * checklist's last item needs a reading at rest after a full charge, which a new installation
 * reaches on its first sunny day and this one at once.
 */
async function startSimulator(root: string, dir: string) {
  const [slcan, control] = [await freePort(), await freePort()];
  const config = join(dir, 'simulator.json');
  await mkdir(dir, { recursive: true });
  await writeFile(config, JSON.stringify({ strings: [{ add: 1, initialSocPct: 100 }] }));
  const simulator = startProcess(
    'simulator',
    node,
    [
      ...['apps/simulator/dist/main.js', '--config', config, '--tcp', String(slcan)],
      ...['--control-port', String(control), '--modules', '8', '--profile', 'idle', '--seed', '1'],
      '--log-level',
      'warn',
    ],
    { cwd: root },
  );
  return { process: simulator, slcan, control: `http://127.0.0.1:${control}` };
}

/** The enrolment the gateway wrote once claimed: its id and where its credentials are. */
export async function enrolmentOf(dataDir: string): Promise<{ gatewayId: string; credsFile: string }> {
  return JSON.parse(await readFile(join(dataDir, 'enrolment.json'), 'utf8'));
}
