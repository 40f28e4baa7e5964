/** The answer for one attempt: allowed, or refused with the seconds until the window frees up. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Window {
  startedAt: number;
  count: number;
}

/** Above this many tracked keys, expired windows are swept on the next attempt. */
const SWEEP_ABOVE = 10_000;

/**
 * Fixed-window attempt counter per key, in process memory. Enough for one API instance: with
 * several instances behind a load balancer each keeps its own counts, so the effective limit is
 * multiplied by the instance count; production at that size would keep the windows in Redis
 * (INCR + PEXPIRE per key). Memory stays bounded by sweeping expired windows.
 */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt against every key; refused when any key is over its limit. */
  hit(keys: ReadonlyArray<{ key: string; limit: number }>): RateDecision {
    const now = this.now();
    if (this.windows.size > SWEEP_ABOVE) {
      this.sweep(now);
    }
    let retryAfterMs = 0;
    for (const { key, limit } of keys) {
      const window = this.current(key, now);
      window.count += 1;
      if (window.count > limit) {
        retryAfterMs = Math.max(retryAfterMs, window.startedAt + this.windowMs - now);
      }
    }
    return retryAfterMs > 0
      ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }
      : { allowed: true };
  }

  private current(key: string, now: number): Window {
    const existing = this.windows.get(key);
    if (existing && now - existing.startedAt < this.windowMs) {
      return existing;
    }
    const fresh = { startedAt: now, count: 0 };
    this.windows.set(key, fresh);
    return fresh;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.startedAt >= this.windowMs) {
        this.windows.delete(key);
      }
    }
  }
}
