// Test harness for a whole simulator process: a socat pty pair, the simulator on one end
// (started from its TypeScript sources, so a stale dist/ cannot fool a test) and polling
// helpers that wait for a condition with a generous deadline instead of sleeping.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const simulatorRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  deadlineMs = 30_000,
): Promise<T> {
  const end = Date.now() + deadlineMs;
  let last: unknown;
  while (Date.now() < end) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

export interface SimProcess {
  /** The host end of the pty pair (what an agent would open). */
  hostPath: string;
  control: string;
  stop(): Promise<void>;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** socat pty pair + simulator with `--serial <sim end>`; extra flags appended. */
export async function startSimulator(flags: string[]): Promise<SimProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'sim-medium-'));
  const simPath = join(dir, 'sim');
  const hostPath = join(dir, 'host');
  const socat = spawn(
    '/usr/bin/socat',
    [`pty,raw,echo=0,link=${simPath}`, `pty,raw,echo=0,link=${hostPath}`],
    {
      stdio: 'ignore',
    },
  );
  await waitUntil('the socat pty pair', async () =>
    existsSync(simPath) && existsSync(hostPath) ? true : undefined,
  );
  const port = await freePort();
  let stderr = '';
  const sim = spawn(
    process.execPath,
    [
      '--conditions=@fleet/source',
      '--import',
      'tsx',
      join(simulatorRoot, 'src/main.ts'),
      '--serial',
      simPath,
      '--control-port',
      String(port),
      '--log-level',
      'warn',
      ...flags,
    ],
    { cwd: simulatorRoot, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  sim.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const control = `http://127.0.0.1:${port}`;
  await waitUntil('the simulator control API', async () => {
    if (sim.exitCode !== null) {
      throw new Error(`simulator exited ${sim.exitCode}: ${stderr}`);
    }
    return (await fetch(`${control}/health`)).ok ? true : undefined;
  });
  return {
    hostPath,
    control,
    async stop() {
      await stopChild(sim);
      await stopChild(socat);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
