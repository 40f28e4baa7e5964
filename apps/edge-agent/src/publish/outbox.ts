// Publishes spooled batches and deletes each only after the broker's ack. Two lanes:
//  - live: batches stored since the link was last seen working, published as they come;
//  - backlog: batches stored while the link was down, or by an earlier boot, replayed oldest
//    first at `replayRatePerS`, so a week of backlog neither starves live data nor floods the
//    broker. Live goes first; ingest does not care about arrival order (dedupe by batch id,
//    samples keyed by (string, ts), last-seen marks only move forward).
// While the publisher fails (NATS down, no stream yet) the oldest batch is retried with
// exponential backoff, always with its own id.
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { BatchClass } from './batch-class.js';
import type { BatchStore, DroppedBatch, StoredBatch } from './batch-store.js';
import type { OutboundEnvelope } from './outbound-envelope.js';
import type { Publisher } from './publisher.js';
import type { SpoolStats, SpoolStatsSource } from './spool-stats.js';
import { TokenBucket } from './token-bucket.js';

export interface OutboxCounters {
  published: number;
  failedAttempts: number;
  /** Batches given up by the quota, all classes. */
  dropped: number;
}

export interface OutboxOptions {
  initialMs: number;
  maxMs: number;
  /** Backlog batches per second. */
  replayRatePerS: number;
  /** The store's byte quota, reported in the stats. */
  maxBytes: number;
}

const DEFAULT_OPTIONS: OutboxOptions = {
  initialMs: 500,
  maxMs: 30_000,
  replayRatePerS: 10,
  maxBytes: Number.POSITIVE_INFINITY,
};
const NONE_LIVE = Number.MAX_SAFE_INTEGER;
const RATE_WINDOW_MS = 10_000;

export class Outbox implements SpoolStatsSource {
  readonly counters: OutboxCounters = { published: 0, failedAttempts: 0, dropped: 0 };
  private readonly droppedByClass: Record<BatchClass, number> = { cells: 0, pack: 0, event: 0 };
  private readonly options: OutboxOptions;
  private readonly bucket: TokenBucket;
  private readonly recentReplays: number[] = [];
  private replayed = 0;
  private appendFailures = 0;
  private wake: (() => void) | undefined;
  private wakeBackoff: (() => void) | undefined;
  private backoffReset = false;
  private failingSince: number | undefined;
  /** Ids ≥ this are live. Everything an earlier boot left behind is backlog. */
  private liveFrom: number;

  constructor(
    private readonly store: BatchStore,
    private readonly publisher: Publisher,
    private readonly clock: Clock,
    private readonly logger: Logger,
    options: Partial<OutboxOptions> = {},
  ) {
    this.options = { ...DEFAULT_OPTIONS, ...options };
    this.bucket = new TokenBucket(this.options.replayRatePerS);
    this.liveFrom = store.lastId + 1;
    if (store.size > 0) {
      this.logger.info(
        { depth: store.size, bytes: store.bytes },
        'spool holds batches from before; replaying',
      );
    }
  }

  get depth(): number {
    return this.store.size;
  }

  get durable(): boolean {
    return this.store.kind === 'sqlite';
  }

  /** Stores the batch (durably, before returning) and wakes the publishing loop. Never throws. */
  enqueue(envelope: OutboundEnvelope): void {
    let dropped: DroppedBatch[];
    try {
      dropped = this.store.append(envelope, this.clock.now().getTime());
    } catch (error) {
      this.appendFailures += 1;
      this.logger.error(
        {
          seq: envelope.seq,
          bootId: envelope.bootId,
          err: (error as Error).message,
          failures: this.appendFailures,
        },
        'spool refused a batch; it is lost',
      );
      return;
    }
    for (const batch of dropped) {
      this.noteDrop(batch);
    }
    this.wake?.();
  }

  /** Drains until `signal` aborts; never rejects. */
  async run(signal: AbortSignal): Promise<void> {
    let delayMs = this.options.initialMs;
    while (!signal.aborted) {
      const next = this.next();
      if (next === undefined) {
        await this.waitForWork(signal);
        continue;
      }
      if (next.lane === 'backlog') {
        const waitMs = this.bucket.take(this.clock.now().getTime());
        if (waitMs > 0) {
          await this.sleepUnlessWoken(waitMs, signal); // a live batch may arrive meanwhile
          continue;
        }
      }
      if (await this.tryPublish(next.batch, next.lane)) {
        delayMs = this.options.initialMs;
      } else {
        await this.backoff(delayMs, signal);
        delayMs = this.backoffReset ? this.options.initialMs : Math.min(this.options.maxMs, delayMs * 2);
        this.backoffReset = false;
      }
    }
  }

  /** One attempt for each stored batch, oldest first, stopping at the first failure or deadline. */
  async flush(deadlineMs: number): Promise<void> {
    const until = this.clock.now().getTime() + deadlineMs;
    while (this.store.size > 0 && this.clock.now().getTime() < until) {
      const next = this.store.oldest();
      if (
        next === undefined ||
        !(await this.tryPublish(next, next.id < this.liveFrom ? 'backlog' : 'live'))
      ) {
        return;
      }
    }
  }

  close(): void {
    this.store.close();
  }

  spoolStats(): SpoolStats {
    const now = this.clock.now().getTime();
    const oldest = this.store.oldest();
    this.trimRecent(now);
    return {
      kind: this.store.kind,
      depth: this.store.size,
      backlog: this.liveFrom === NONE_LIVE ? this.store.size : this.store.countBelow(this.liveFrom),
      bytes: this.store.bytes,
      maxBytes: this.options.maxBytes,
      oldestAgeMs: oldest === undefined ? null : Math.max(0, now - oldest.storedAtMs),
      dropped: { ...this.droppedByClass },
      corrupt: this.store.corrupt,
      appendFailures: this.appendFailures,
      published: this.counters.published,
      failedAttempts: this.counters.failedAttempts,
      replay: {
        limitPerS: this.options.replayRatePerS,
        replayed: this.replayed,
        ratePerS: this.recentReplays.length / (RATE_WINDOW_MS / 1000),
      },
    };
  }

  private next(): { batch: StoredBatch; lane: 'live' | 'backlog' } | undefined {
    const oldest = this.store.oldest();
    if (oldest === undefined || oldest.id >= this.liveFrom) {
      return oldest && { batch: oldest, lane: 'live' };
    }
    const live = this.liveFrom === NONE_LIVE ? undefined : this.store.oldest(this.liveFrom);
    return live ? { batch: live, lane: 'live' } : { batch: oldest, lane: 'backlog' };
  }

  private async tryPublish(batch: StoredBatch, lane: 'live' | 'backlog'): Promise<boolean> {
    try {
      await this.publisher.publish(batch.envelope);
    } catch (error) {
      this.counters.failedAttempts += 1;
      this.noteFailure(batch.envelope, error as Error);
      return false;
    }
    this.store.remove(batch.id); // only now: a crash before this line means a deduplicated resend
    this.counters.published += 1;
    if (lane === 'backlog') {
      this.replayed += 1;
      this.recentReplays.push(this.clock.now().getTime());
      this.trimRecent(this.clock.now().getTime());
    }
    if (this.failingSince !== undefined) {
      // Everything stored while the link was down is backlog; what comes from now on is live.
      this.liveFrom = this.store.lastId + 1;
      this.logger.info(
        { backlog: this.store.size, replayRatePerS: this.options.replayRatePerS },
        'publishing again; replaying the backlog',
      );
      this.failingSince = undefined;
    }
    return true;
  }

  private noteFailure(envelope: OutboundEnvelope, error: Error): void {
    const first = this.failingSince === undefined;
    this.failingSince ??= this.clock.now().getTime();
    this.liveFrom = NONE_LIVE; // nothing is live while the link is down
    if (first || this.counters.failedAttempts % 20 === 0) {
      this.logger.warn(
        { seq: envelope.seq, depth: this.store.size, err: error.message },
        'publish failed; batch kept and retried',
      );
    }
  }

  /**
   * Counts every drop and logs it at debug; warns for the first of each class and then every
   * 100th, so weeks at the quota do not flood the log.
   */
  private noteDrop(batch: DroppedBatch): void {
    this.counters.dropped += 1;
    this.droppedByClass[batch.batchClass] += 1;
    const ofClass = this.droppedByClass[batch.batchClass];
    const fields = {
      class: batch.batchClass,
      bootId: batch.bootId,
      seq: batch.seq,
      dropped: { ...this.droppedByClass },
      depth: this.store.size,
      bytes: this.store.bytes,
    };
    if (ofClass % 100 === 1) {
      this.logger.warn(fields, 'spool quota reached; batch dropped');
    } else {
      this.logger.debug(fields, 'spool quota reached; batch dropped');
    }
  }

  private trimRecent(now: number): void {
    while ((this.recentReplays[0] ?? now) < now - RATE_WINDOW_MS) {
      this.recentReplays.shift();
    }
  }

  /**
   * Ends a failure backoff now and starts the next one short: the uplink has just appeared (the
   * gateway was claimed), so the backlog should not wait out a backoff grown while it had none.
   */
  retryNow(): void {
    this.backoffReset = true;
    this.wakeBackoff?.();
  }

  private async backoff(ms: number, signal: AbortSignal): Promise<void> {
    const woken = new AbortController();
    const abort = () => woken.abort();
    signal.addEventListener('abort', abort, { once: true });
    this.wakeBackoff = abort;
    await this.clock.sleep(ms, woken.signal);
    this.wakeBackoff = undefined;
    signal.removeEventListener('abort', abort);
  }

  private async sleepUnlessWoken(ms: number, signal: AbortSignal): Promise<void> {
    const woken = new AbortController();
    const abort = () => woken.abort();
    signal.addEventListener('abort', abort, { once: true });
    this.wake = abort;
    await this.clock.sleep(ms, woken.signal);
    this.wake = undefined;
    signal.removeEventListener('abort', abort);
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
