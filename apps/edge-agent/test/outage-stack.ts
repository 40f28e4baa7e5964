// The whole path the outage tests drive, as real processes: simulator (SLCAN over TCP) →
// edge agent (tsx, from source) → a PRIVATE nats-server (stoppable, same store dir on restart)
// → the built ingest → a cloned test database. Plus the two ledgers the accounting needs: every
// burst the simulator answered (from /state.lastReplies, polled often enough that its ring of 50
// never wraps between reads) and what the database stored.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createGateway,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseTarget,
} from '@fleet/db/testing';
import {
  freePort,
  type RunningProcess,
  repoRoot,
  startPrivateNats,
  startProcess,
  startTs,
  stopProcess,
  waitFor,
} from '@fleet/test-kit';

export interface SimReply {
  at: string;
  bmsAddress: number;
  pack: Record<string, unknown>;
}

export interface StoredSample {
  bmsAddress: number;
  ts: string;
  values: Record<string, unknown>;
}

/** Builds apps/ingest once per run, serialised with ingest's own tests through the same lock directory. */
async function buildIngest(): Promise<void> {
  const lock = join(repoRoot, 'node_modules/.cache/fleet-ingest-build.lock');
  await mkdir(dirname(lock), { recursive: true });
  await waitFor(
    'the ingest build lock',
    async () => {
      try {
        await mkdir(lock);
        return true;
      } catch {
        const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
        if (age > 120_000) {
          await rm(lock, { recursive: true, force: true });
        }
        return false;
      }
    },
    180_000,
  );
  try {
    const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-b', 'apps/ingest'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    if (result.status !== 0) {
      throw new Error(`building apps/ingest failed:\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export class OutageStack {
  nats: RunningProcess | undefined;
  ingest: RunningProcess | undefined;
  simulator: RunningProcess | undefined;
  agent: RunningProcess | undefined;
  readonly agents: RunningProcess[] = [];
  db!: TestDatabase;
  pool!: PgPool;
  prisma!: PrismaClient;
  natsUrl = '';
  simPort = 0;
  controlUrl = '';
  readonly replies = new Map<string, SimReply>();
  private replyPoller: ReturnType<typeof setInterval> | undefined;
  private natsPort = 0;

  constructor(
    readonly dir: string,
    readonly gatewayId: string,
    readonly spoolPath = join(dir, 'spool.db'),
  ) {}

  diagnostics = (): string =>
    [this.nats, this.ingest, this.simulator, ...this.agents.slice(-2)]
      .map((p) => (p ? `--- ${p.name}\n${p.output().slice(-3000)}` : ''))
      .join('\n');

  async start(target: TestDatabaseTarget): Promise<void> {
    await buildIngest();
    this.db = await createTestDatabase(target);
    this.pool = createPgPool(this.db.url);
    this.prisma = createPrismaClient(this.db.url);
    await createGateway(this.prisma, { id: this.gatewayId });
    this.natsPort = await freePort();
    this.natsUrl = `nats://127.0.0.1:${this.natsPort}`;
    await this.startNats();
    await this.startIngest();
    await this.startSimulator();
  }

  /** Same port, same store dir: the stream, its messages and ingest's durable consumer survive. */
  async startNats(): Promise<void> {
    this.nats = await startPrivateNats({
      storeDir: join(this.dir, 'nats'),
      port: this.natsPort,
      diagnostics: this.diagnostics,
    });
  }

  async stopNats(): Promise<void> {
    await stopProcess(this.nats);
  }

  private async startIngest(): Promise<void> {
    const healthPort = await freePort();
    this.ingest = startProcess('ingest', 'env', [
      `DATABASE_URL=${this.db.url}`,
      `NATS_URL=${this.natsUrl}`,
      `INGEST_HEALTH_PORT=${healthPort}`,
      `INGEST_CONSUMER=outage-${this.gatewayId}`,
      `INGEST_FILTER_SUBJECT=bms.v1.tlm.${this.gatewayId}`,
      'INGEST_ACK_WAIT_MS=3000',
      'INGEST_RETRY_DELAY_MS=500',
      process.execPath,
      'apps/ingest/dist/main.js',
    ]);
    await waitFor(
      'ingest to report healthy',
      async () => (await fetch(`http://127.0.0.1:${healthPort}/health`)).ok,
      30_000,
      this.diagnostics,
    );
  }

  private async startSimulator(): Promise<void> {
    this.simPort = await freePort();
    const controlPort = await freePort();
    this.controlUrl = `http://127.0.0.1:${controlPort}`;
    this.simulator = startTs('simulator', 'apps/simulator/src/main.ts', [
      ...['--tcp', String(this.simPort), '--control-port', String(controlPort), '--addresses', '1,2'],
      ...['--modules', '8', '--seed', '11', '--tick-ms', '200', '--speed', '30'],
    ]);
    await waitFor(
      'the simulator control port',
      async () => (await fetch(`${this.controlUrl}/health`)).ok,
      30_000,
      this.diagnostics,
    );
    this.replyPoller = setInterval(() => void this.collectReplies().catch(() => undefined), 150);
  }

  startAgent(extra: string[] = []): RunningProcess {
    this.agent = startTs(`edge-agent#${this.agents.length + 1}`, 'apps/edge-agent/src/main.ts', [
      ...['--gateway-id', this.gatewayId, '--slcan', `tcp://127.0.0.1:${this.simPort}`],
      ...['--nats-url', this.natsUrl, '--poll-ms', '300', '--reply-window-ms', '150'],
      ...['--spool', this.spoolPath, '--replay-rate', '20', '--log-level', 'info'],
      // Every reading at once, so each simulator burst has its stored row to match.
      ...['--plan', 'live', '--status-port', '0'],
      ...extra,
    ]);
    this.agents.push(this.agent);
    return this.agent;
  }

  async killAgent(): Promise<void> {
    const agent = this.agent;
    if (agent && agent.child.exitCode === null && agent.child.signalCode === null) {
      const exited = new Promise((resolve) => agent.child.once('exit', resolve));
      agent.child.kill('SIGKILL');
      await exited;
    }
  }

  /** Silences both strings, then waits until the reply ledger is final (no new burst for a while). */
  async silenceSimulator(): Promise<void> {
    for (const string of [1, 2]) {
      const response = await fetch(`${this.controlUrl}/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: 'bms-silence', string, interface: 'hv-can' }),
      });
      if (!response.ok) {
        throw new Error(`cannot silence string ${string}: ${response.status} ${await response.text()}`);
      }
    }
    let last = -1;
    let stableSince = Date.now();
    await waitFor(
      'the simulator to fall silent',
      async () => {
        await this.collectReplies();
        if (this.replies.size !== last) {
          last = this.replies.size;
          stableSince = Date.now();
        }
        return Date.now() - stableSince > 1500;
      },
      15_000,
      this.diagnostics,
    );
  }

  async collectReplies(): Promise<void> {
    const state = (await (await fetch(`${this.controlUrl}/state`)).json()) as { lastReplies: SimReply[] };
    for (const reply of state.lastReplies) {
      this.replies.set(`${reply.bmsAddress}@${reply.at}`, reply);
    }
  }

  async storedSamples(): Promise<StoredSample[]> {
    const { rows } = await this.pool.query<{ address: number; ts: Date; row: Record<string, unknown> }>(
      `SELECT s.bms_address AS address, p.ts, to_jsonb(p) AS row
         FROM pack_sample p JOIN bms_string s ON s.id = p.string_id
        WHERE s.gateway_id = $1 ORDER BY p.ts`,
      [this.gatewayId],
    );
    return rows.map((r) => ({ bmsAddress: r.address, ts: r.ts.toISOString(), values: r.row }));
  }

  /** The ingest ledger: `<bootId>` → every seq stored for it. */
  async ledger(): Promise<Map<string, number[]>> {
    const { rows } = await this.pool.query<{ msg_id: string }>(
      'SELECT msg_id FROM ingest_batch WHERE gateway_id = $1',
      [this.gatewayId],
    );
    const byBoot = new Map<string, number[]>();
    for (const { msg_id } of rows) {
      const [, bootId = '', seq = ''] = msg_id.split(':');
      byBoot.set(bootId, [...(byBoot.get(bootId) ?? []), Number(seq)]);
    }
    for (const seqs of byBoot.values()) {
      seqs.sort((a, b) => a - b);
    }
    return byBoot;
  }

  async stop(): Promise<void> {
    clearInterval(this.replyPoller);
    for (const agent of this.agents) {
      await stopProcess(agent);
    }
    await stopProcess(this.simulator);
    await stopProcess(this.ingest);
    await stopProcess(this.nats);
    await this.pool?.end();
    await this.prisma?.$disconnect();
    await this.db?.drop();
  }
}
