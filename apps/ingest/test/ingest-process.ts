import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from '@fleet/test-kit';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * Builds apps/ingest and what it references (incremental: quick when dist is current). Test files
 * run in parallel, so builds are serialised with a lock directory (mkdir is atomic).
 */
export async function buildIngest(): Promise<void> {
  const lock = join(root, 'node_modules/.cache/fleet-ingest-build.lock');
  await mkdir(dirname(lock), { recursive: true });
  await waitFor(
    'the ingest build lock',
    async () => {
      try {
        await mkdir(lock);
        return true;
      } catch {
        // A lock older than two minutes belongs to a run that died.
        const age = Date.now() - (await stat(lock).catch(() => ({ mtimeMs: Date.now() }))).mtimeMs;
        if (age > 120_000) {
          await rm(lock, { recursive: true, force: true });
        }
        return false;
      }
    },
    { timeoutMs: 180_000, intervalMs: 200 },
  );
  try {
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = spawnSync(process.execPath, [tsc, '-b', 'apps/ingest'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      throw new Error(`building apps/ingest failed:\n${result.stdout}\n${result.stderr}`);
    }
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

export interface HealthBody {
  status: string;
  counters: {
    stored: number;
    storedSamples: number;
    duplicates: number;
    retried: number;
    rejected: Record<string, number>;
    quarantined: number;
    writes: { copy: number; merge: number; single: number };
  };
}

/** `node apps/ingest/dist/main.js` with its own env; output is kept for failure messages. */
export class IngestProcess {
  private child: ChildProcess | undefined;
  output = '';

  constructor(private readonly env: Record<string, string>) {}

  get healthUrl(): string {
    return `http://127.0.0.1:${this.env.INGEST_HEALTH_PORT}/health`;
  }

  async start(): Promise<void> {
    this.child = spawn(process.execPath, ['apps/ingest/dist/main.js'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'info', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (d) => this.append(d));
    this.child.stderr?.on('data', (d) => this.append(d));
    await waitFor('ingest to report healthy', async () => (await this.health())?.status === 'ok', {
      timeoutMs: 30_000,
    }).catch((error: Error) => {
      throw new Error(`${error.message}\n--- ingest output ---\n${this.tail()}`);
    });
  }

  async health(): Promise<HealthBody | undefined> {
    const response = await fetch(this.healthUrl).catch(() => undefined);
    return response?.ok ? ((await response.json()) as HealthBody) : undefined;
  }

  /** SIGKILL: no shutdown hooks, nothing acked after this instant. */
  async kill(): Promise<void> {
    await this.stop('SIGKILL');
  }

  /** Sends the signal and resolves with the exit code once the process is gone. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) {
      return child?.exitCode ?? null;
    }
    const exited = once(child, 'exit') as Promise<[number | null]>;
    child.kill(signal);
    const [code] = await exited;
    return code;
  }

  tail(lines = 40): string {
    return this.output.split('\n').slice(-lines).join('\n');
  }

  private append(chunk: Buffer): void {
    this.output += chunk.toString();
    if (this.output.length > 1_000_000) {
      this.output = this.output.slice(-500_000);
    }
  }
}
