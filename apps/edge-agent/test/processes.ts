// Process helpers for tests that run the real simulator and agent: spawn from TypeScript
// sources (no stale dist/), wait for conditions by polling, stop and reap.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { connect } from '@nats-io/transport-node';

export const repoRoot = resolve(import.meta.dirname, '../../..');

export interface Spawned {
  name: string;
  child: ChildProcess;
  /** Everything the process printed, for failure messages. */
  output: () => string;
}

export function spawnCommand(name: string, command: string, args: string[]): Spawned {
  const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => output };
}

/** Runs a workspace entry point through tsx, resolving @fleet/* packages to their sources. */
export function spawnTs(name: string, entry: string, args: string[]): Spawned {
  return spawnCommand(name, process.execPath, [
    '--conditions=@fleet/source',
    '--import',
    'tsx',
    entry,
    ...args,
  ]);
}

export async function stopProcess(p: Spawned | undefined, graceMs = 10_000): Promise<void> {
  if (p === undefined || p.child.exitCode !== null || p.child.signalCode !== null) {
    return;
  }
  const exited = once(p.child, 'exit');
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  deadlineMs: number,
  diagnostics: () => string = () => '',
): Promise<T> {
  const until = Date.now() + deadlineMs;
  let lastError: unknown;
  while (Date.now() < until) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what} (${String(lastError ?? 'no error')})\n${diagnostics()}`);
}

export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A private `nats-server -js` on loopback, so a test's batches never reach the machine's shared
 * streams. Restarting with the same port and store dir keeps streams, messages and consumers.
 */
export async function startPrivateNats(
  storeDir: string,
  port: number,
  diagnostics: () => string = () => '',
): Promise<Spawned> {
  const nats = spawnCommand('nats-server', 'nats-server', [
    ...['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir],
  ]);
  await waitFor(
    'nats-server',
    async () => {
      const nc = await connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false });
      await nc.close();
      return true;
    },
    20_000,
    () => `${nats.output()}\n${diagnostics()}`,
  );
  return nats;
}
