// The launcher's children: started in order, stopped in reverse order on Ctrl-C (SIGTERM,
// then SIGKILL after a grace period), so every service can finish what it acknowledged.
import { spawn } from 'node:child_process';
import { fail } from './log.mjs';

export class Children {
  #children = [];
  #stopping = false;

  constructor(onOutput) {
    this.onOutput = onOutput;
  }

  /**
   * Starts a service in its own process group, so a Ctrl-C in the terminal reaches only the
   * launcher, which then stops the services in order (writers before the database).
   */
  spawn(name, command, args, options = {}) {
    return this.add(
      name,
      spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options, detached: true }),
    );
  }

  /** Last resort when the launcher exits without stopAll (e.g. an uncaught error). */
  killAllNow() {
    for (const { child } of this.#children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
      }
    }
  }

  /** Registers a spawned child; an unexpected exit is reported with its log file. */
  add(name, child) {
    this.#children.push({ name, child });
    this.onOutput?.(child, name);
    child.on('exit', (code, signal) => {
      if (!this.#stopping) {
        fail(
          `${name} exited unexpectedly (${signal ?? `code ${code}`}); see its log under the data dir's logs/`,
        );
      }
    });
    return child;
  }

  get stopping() {
    return this.#stopping;
  }

  async stopAll(graceMs = 10_000) {
    this.#stopping = true;
    for (const { child } of [...this.#children].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) {
        continue;
      }
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  }
}
