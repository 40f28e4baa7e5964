// Child processes for tests that run real programs (the simulator, the agent, ingest, the api,
// nats-server, mosquitto, socat, …): start one, keep what it prints for failure messages, know
// when it ended, stop it and reap it. One implementation for every app's medium and e2e tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * The monorepo's root. This file sits at packages/test-kit/src (sources) or packages/test-kit/dist
 * (build): three levels down either way. Processes start here unless told otherwise, so entry
 * points and data paths in tests are written relative to the repository.
 */
export const repoRoot = resolve(import.meta.dirname, '../../..');

export interface RunningProcess {
  name: string;
  /** The node child process, for tests that signal it or wait for its events themselves. */
  child: ChildProcess;
  /** The tail of everything the process printed (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code once the process has ended (null after a signal, -1 if it never started). */
  exited: Promise<number | null>;
  /** Stops the process (see `stopProcess`); resolves once it has exited. */
  stop(options?: StopOptions): Promise<void>;
}

export interface ProcessOptions {
  /** Working directory; the repository root when left out. */
  cwd?: string;
  /** Added to (and overriding) this process's environment. */
  env?: Record<string, string>;
  /**
   * How many characters of output to keep (the last ones). A long-running chatty process must not
   * grow the test's memory without bound; 200 kB holds the start-up and the last minutes of logs.
   */
  outputLimit?: number;
}

export interface StopOptions {
  /** The first signal; SIGTERM unless a test checks a particular shutdown path (SIGINT, SIGKILL). */
  signal?: NodeJS.Signals;
  /** How long the process may take to shut down cleanly before it gets SIGKILL. */
  graceMs?: number;
}

export function startProcess(
  name: string,
  command: string,
  args: string[],
  options: ProcessOptions = {},
): RunningProcess {
  const child = spawn(command, args, {
    cwd: options.cwd ?? repoRoot,
    // biome-ignore lint/style/noProcessEnv: a child inherits the test's environment (PATH, DATABASE_URL, …)
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return trackProcess(name, child, options);
}

/**
 * A `RunningProcess` for a child the test spawned itself (for stdio `startProcess` does not offer,
 * e.g. socat's hex dump going straight to a file). Its piped stdout/stderr are collected unless
 * `output` says where the output is read from instead.
 */
export function trackProcess(
  name: string,
  child: ChildProcess,
  options: { output?: () => string; outputLimit?: number } = {},
): RunningProcess {
  const limit = options.outputLimit ?? 200_000;
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-limit);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => {
    child.on('exit', (code) => resolveExit(code));
    // A command that cannot be started (ENOENT, EACCES) emits 'error' and never 'exit': say so in
    // the output instead of crashing the test runner with an unhandled 'error' event.
    child.on('error', (error) => {
      keep(Buffer.from(`\n[spawn error] ${error.message}\n`));
      resolveExit(-1);
    });
  });
  return {
    name,
    child,
    output: options.output ?? (() => output),
    exited,
    stop: async ({ signal = 'SIGTERM', graceMs = 10_000 } = {}) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return;
      }
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Runs a TypeScript entry point (relative to the repository root, or absolute) through tsx with
 * the `@fleet/source` condition, so workspace packages load from their sources: a test never runs
 * against a stale dist/.
 */
export function startTs(
  name: string,
  entry: string,
  args: string[],
  options: ProcessOptions = {},
): RunningProcess {
  return startProcess(
    name,
    process.execPath,
    ['--conditions=@fleet/source', '--import', 'tsx', entry, ...args],
    options,
  );
}

/** Stops `p` if it was started and still runs: `signal` first, SIGKILL after `graceMs`; waits for the exit. */
export async function stopProcess(p: RunningProcess | undefined, options: StopOptions = {}): Promise<void> {
  await p?.stop(options);
}

/** Runs a command to completion; rejects with the tail of its output when it fails. */
export async function run(command: string, args: string[], options: ProcessOptions = {}): Promise<void> {
  const child = startProcess(command, command, args, options);
  const code = await child.exited;
  if (code !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${child.output().slice(-5000)}`);
  }
}
