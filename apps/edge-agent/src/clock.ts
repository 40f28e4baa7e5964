import { setTimeout as delay } from 'node:timers/promises';

/** Time as a dependency, so state machines can be stepped in tests without waiting. */
export interface Clock {
  now(): Date;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: async (ms, signal) => {
    if (signal?.aborted) {
      return;
    }
    await delay(Math.max(0, ms), undefined, { signal }).catch(() => undefined);
  },
};
