/**
 * Runs work concurrently across keys but in arrival order within a key, with at most `limit`
 * tasks in flight: the evaluator handles several gateways at once while one gateway's batches
 * stay in stream order (an older batch after a newer one would be skipped as not newer).
 */
export class KeyedLanes {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly limit: number) {}

  /** Resolves once the task is queued (waiting while `limit` tasks are in flight). */
  async push(key: string, task: () => Promise<void>): Promise<void> {
    while (this.inFlight.size >= this.limit) {
      await Promise.race(this.inFlight);
    }
    const previous = this.tails.get(key) ?? Promise.resolve();
    // previous never rejects (see below), so the task runs after it whatever happened to it.
    const run: Promise<void> = previous
      .then(task)
      // Tasks handle their own failures (the consumer naks); a stray rejection must not stop the lane.
      .catch(() => undefined)
      .finally(() => {
        this.inFlight.delete(run);
        if (this.tails.get(key) === run) {
          this.tails.delete(key);
        }
      });
    this.tails.set(key, run);
    this.inFlight.add(run);
  }

  /** Resolves when everything queued so far has run. */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }
}
