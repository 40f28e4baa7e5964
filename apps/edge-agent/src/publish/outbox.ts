// Publishes batches in order, one at a time, retrying with exponential backoff while the
// publisher fails (NATS down, no stream yet). Batches wait in a BatchStore; when it is full
// the oldest is dropped, counted and logged.
import type { TelemetryEnvelope } from '@fleet/telemetry';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { BatchStore } from './batch-store.js';
import type { Publisher } from './publisher.js';

export interface OutboxCounters {
  published: number;
  failedAttempts: number;
  dropped: number;
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
}

export class Outbox {
  readonly counters: OutboxCounters = { published: 0, failedAttempts: 0, dropped: 0 };
  private wake: (() => void) | undefined;
  private failingSince: number | undefined;

  constructor(
    private readonly store: BatchStore,
    private readonly publisher: Publisher,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly backoff: BackoffOptions = { initialMs: 500, maxMs: 30_000 },
  ) {}

  get depth(): number {
    return this.store.size;
  }

  enqueue(envelope: TelemetryEnvelope): void {
    const dropped = this.store.push(envelope);
    if (dropped !== undefined) {
      this.noteDrop(dropped);
    }
    this.wake?.();
  }

  /** Drains until `signal` aborts; never rejects. */
  async run(signal: AbortSignal): Promise<void> {
    let delayMs = this.backoff.initialMs;
    while (!signal.aborted) {
      const next = this.store.peek();
      if (next === undefined) {
        await this.waitForWork(signal);
        continue;
      }
      if (await this.tryPublish(next)) {
        delayMs = this.backoff.initialMs;
      } else {
        await this.clock.sleep(delayMs, signal);
        delayMs = Math.min(this.backoff.maxMs, delayMs * 2);
      }
    }
  }

  /** One attempt for each queued batch, in order, stopping at the first failure or deadline. */
  async flush(deadlineMs: number): Promise<void> {
    const until = this.clock.now().getTime() + deadlineMs;
    while (this.store.size > 0 && this.clock.now().getTime() < until) {
      const next = this.store.peek();
      if (next === undefined || !(await this.tryPublish(next))) {
        return;
      }
    }
  }

  private async tryPublish(envelope: TelemetryEnvelope): Promise<boolean> {
    try {
      await this.publisher.publish(envelope);
    } catch (error) {
      this.counters.failedAttempts += 1;
      this.noteFailure(envelope, error as Error);
      return false;
    }
    // A spool may have dropped it meanwhile; only remove what we published.
    if (this.store.peek() === envelope) {
      this.store.shift();
    }
    this.counters.published += 1;
    if (this.failingSince !== undefined) {
      this.logger.info({ depth: this.store.size }, 'publishing again');
      this.failingSince = undefined;
    }
    return true;
  }

  private noteFailure(envelope: TelemetryEnvelope, error: Error): void {
    const first = this.failingSince === undefined;
    this.failingSince ??= this.clock.now().getTime();
    if (first || this.counters.failedAttempts % 20 === 0) {
      this.logger.warn(
        { seq: envelope.seq, depth: this.store.size, err: error.message },
        'publish failed; batch kept and retried',
      );
    }
  }

  /** Counts every drop; logs the first and then every 100th, so an outage does not flood the log. */
  private noteDrop(dropped: TelemetryEnvelope): void {
    this.counters.dropped += 1;
    if (this.counters.dropped % 100 === 1) {
      this.logger.warn(
        { seq: dropped.seq, dropped: this.counters.dropped, depth: this.store.size },
        'batch queue full; oldest batch dropped',
      );
    }
  }

  private waitForWork(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.wake = undefined;
        signal.removeEventListener('abort', done);
        resolve();
      };
      this.wake = done;
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
