// Child-process helpers for the notification medium tests: spawn from TypeScript sources through
// tsx (no stale dist/), wait for conditions by polling, stop and reap.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { connect } from '@nats-io/transport-node';

export const repoRoot = resolve(import.meta.dirname, '../../../../..');

export interface Spawned {
  name: string;
  child: ChildProcess;
  output: () => string;
}

export function spawnCommand(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string> = {},
): Spawned {
  const child = spawn(command, args, {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-30_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { name, child, output: () => output };
}

/** Runs a TypeScript entry point through tsx, resolving @fleet/* packages to their sources. */
export function spawnTs(
  name: string,
  entry: string,
  args: string[],
  env: Record<string, string> = {},
): Spawned {
  return spawnCommand(
    name,
    process.execPath,
    ['--conditions=@fleet/source', '--import', 'tsx', entry, ...args],
    env,
  );
}

export async function stopProcess(p: Spawned | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (p === undefined || p.child.exitCode !== null || p.child.signalCode !== null) {
    return;
  }
  const exited = once(p.child, 'exit');
  p.child.kill(signal);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  deadlineMs = 60_000,
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

/** A private `nats-server -js` on loopback, so no test touches the machine's shared streams. */
export async function startPrivateNats(storeDir: string, port: number): Promise<Spawned> {
  const nats = spawnCommand('nats-server', 'nats-server', [
    '-a',
    '127.0.0.1',
    '-p',
    String(port),
    '-js',
    '-sd',
    storeDir,
  ]);
  await waitFor(
    'nats-server',
    async () => {
      const nc = await connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false });
      await nc.close();
      return true;
    },
    20_000,
    nats.output,
  );
  return nats;
}
