import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningProcess {
  name: string;
  /** Everything the process printed so far (last 200 kB), for failure messages. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export interface ProcessOptions {
  cwd: string;
  env?: Record<string, string>;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: ProcessOptions,
): RunningProcess {
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.on('error', (error) => {
      keep(Buffer.from(`\n[spawn error] ${error.message}\n`));
      resolve(-1);
    });
  });
  return {
    name,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill('SIGTERM');
      const killed = sleep(10_000).then(() => child.kill('SIGKILL'));
      await Promise.race([exited, killed]);
    },
  };
}

/** Runs a command to completion; rejects with the tail of its output when it fails. */
export async function run(command: string, args: string[], options: ProcessOptions): Promise<void> {
  const child = startProcess(command, command, args, options);
  const code = await child.exited;
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${child.output().slice(-5000)}`);
  }
}

/** A port that was free a moment ago (the OS picked it). */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') {
    throw new Error('could not get a free port');
  }
  return address.port;
}

/**
 * Polls `check` until it returns true or the deadline passes (no fixed sleeps-then-assert).
 * `describe` names what was awaited; `diagnostics` adds context to the timeout error.
 */
export async function waitFor(
  describe: string,
  check: () => Promise<boolean>,
  timeoutMs: number,
  diagnostics: () => string = () => '',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await sleep(250);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${describe}\n${diagnostics()}`);
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
  return response.status === 200;
}
