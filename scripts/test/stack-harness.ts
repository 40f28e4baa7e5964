// Drives `npm start`'s launcher as a user would, with its own throw-away NATS, database, data
// folder and ports, so the e2e tests never touch the machine's shared streams or a dev stack.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

export const repoRoot = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) {
        return value;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A private nats-server with JetStream on a free port. */
export async function startNats(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(
    'nats-server',
    ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', tempDir('fleet-nats-')],
    {
      stdio: 'ignore',
    },
  );
  const url = `nats://127.0.0.1:${port}`;
  await waitUntil('nats-server', async () => ((await portOpen(port)) ? true : undefined), 20_000);
  return {
    url,
    stop: async () => {
      await stopChild(child);
    },
  };
}

export async function portOpen(port: number): Promise<boolean> {
  const { createConnection } = await import('node:net');
  return new Promise((done) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      done(true);
    });
    s.once('error', () => done(false));
  });
}

export async function stopChild(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return child.exitCode;
  }
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/** Creates an empty database on the server of `adminUrl` and returns its URL. */
export async function createDatabase(adminUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface StackPorts {
  web: number;
  api: number;
  ingest: number;
  simControl: number;
  slcanTcp: number;
  agentStatus: number;
}

export async function stackPorts(): Promise<StackPorts> {
  return {
    web: await freePort(),
    api: await freePort(),
    ingest: await freePort(),
    // three demo gateways take consecutive ports from these bases
    simControl: 20000 + Math.floor(Math.random() * 20000),
    slcanTcp: 40000 + Math.floor(Math.random() * 20000),
    agentStatus: 15000 + Math.floor(Math.random() * 4000),
  };
}

export interface RunningStack {
  process: ChildProcess;
  output: () => string;
  ports: StackPorts;
  /** Ctrl-C, as a user would; resolves with the launcher's exit code. */
  interrupt: () => Promise<number | null>;
}

/** Runs `node scripts/start.mjs` (already built) and resolves once it prints its banner. */
export async function startStack(
  env: Record<string, string | undefined>,
  args: string[] = [],
): Promise<RunningStack> {
  const ports = await stackPorts();
  const merged: Record<string, string | undefined> = {
    ...process.env,
    WEB_PORT: String(ports.web),
    API_PORT: String(ports.api),
    INGEST_HEALTH_PORT: String(ports.ingest),
    SIM_CONTROL_PORT: String(ports.simControl),
    SLCAN_TCP_PORT: String(ports.slcanTcp),
    AGENT_STATUS_PORT: String(ports.agentStatus),
    ...env,
  };
  // An `undefined` here means "unset it" (e.g. DATABASE_URL for the embedded path).
  const childEnv = Object.fromEntries(
    Object.entries(merged).filter(([, v]) => v !== undefined),
  ) as NodeJS.ProcessEnv;
  const child = spawn(process.execPath, ['scripts/start.mjs', '--skip-install', '--skip-build', ...args], {
    cwd: repoRoot,
    env: childEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  await waitUntil(
    'the launcher banner',
    async () => {
      if (child.exitCode !== null) {
        throw new Error(`launcher exited with ${child.exitCode}:\n${output}`);
      }
      return output.includes('Fleet monitor is running') ? true : undefined;
    },
    240_000,
  ).catch((error: Error) => {
    child.kill('SIGKILL');
    throw new Error(`${error.message}\n--- launcher output ---\n${output}`);
  });
  return {
    process: child,
    output: () => output,
    ports,
    interrupt: async () => {
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
