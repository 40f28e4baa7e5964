export interface RetryPolicy {
  /** Delay after the first failed attempt. */
  baseMs: number;
  /** Longest single delay. */
  maxMs: number;
  /** A delivery older than this is given up (`dead`) instead of retried. */
  windowMs: number;
}

/**
 * When to try again after `attempts` failures: exponential (base · 2^(attempts-1)) capped at
 * maxMs, with ±20 % jitter so deliveries that failed together (a target that was down) do not
 * retry in lockstep. Null when the next try would fall outside the retry window: give up.
 */
export function nextRetryAt(
  attempts: number,
  createdAt: Date,
  now: Date,
  policy: RetryPolicy,
  random: () => number = Math.random,
): Date | null {
  const exponent = Math.min(Math.max(attempts - 1, 0), 40);
  const delay = Math.min(policy.baseMs * 2 ** exponent, policy.maxMs);
  const jittered = delay * (0.8 + 0.4 * random());
  const at = new Date(now.getTime() + jittered);
  return at.getTime() - createdAt.getTime() > policy.windowMs ? null : at;
}
