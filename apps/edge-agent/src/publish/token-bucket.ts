/** Paces backlog replay: `ratePerS` tokens a second, at most one second's worth saved up. */
export class TokenBucket {
  private tokens: number;
  private lastMs: number | undefined;

  constructor(private readonly ratePerS: number) {
    if (!(ratePerS > 0)) {
      throw new RangeError(`replay rate must be > 0, got ${ratePerS}`);
    }
    this.tokens = this.capacity;
  }

  private get capacity(): number {
    return Math.max(1, this.ratePerS);
  }

  /** Takes a token and returns 0, or returns how many ms until one is available. */
  take(nowMs: number): number {
    const elapsed = this.lastMs === undefined ? 0 : Math.max(0, nowMs - this.lastMs);
    this.lastMs = nowMs;
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed * this.ratePerS) / 1000);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * 1000) / this.ratePerS);
  }
}
