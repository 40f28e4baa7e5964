import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitOptions {
  /** The deadline; generous, because it is not a timing check (60 s unless told). */
  timeoutMs?: number;
  /** Pause between two probes. */
  intervalMs?: number;
  /** Context for the timeout error (a child's output, a broker's log, …). */
  diagnostics?: () => string;
}

/**
 * Polls `probe` until it returns something other than undefined/false, and returns that: tests
 * wait for a condition with a deadline instead of sleeping and then asserting. A probe that
 * throws counts as "not yet" (a server that does not answer yet). On timeout the error names what
 * was awaited, the last value or error the probe gave, and the diagnostics.
 *
 * `deadline` is the timeout in ms or a `WaitOptions`; `diagnostics` may also be given last.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  deadline: number | WaitOptions = {},
  diagnostics?: () => string,
): Promise<T> {
  const options = typeof deadline === 'number' ? { timeoutMs: deadline } : deadline;
  const { timeoutMs = 60_000, intervalMs = 100 } = options;
  const describe = diagnostics ?? options.diagnostics ?? (() => '');
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) {
        return value;
      }
      last = value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})\n${describe()}`,
      );
    }
    await sleep(intervalMs);
  }
}

/** True when `url` answers 200 (redirects are not followed); throws when it does not answer. */
export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(5000) });
  return response.status === 200;
}
