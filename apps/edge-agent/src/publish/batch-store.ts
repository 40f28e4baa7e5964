import type { TelemetryEnvelope } from '@fleet/telemetry';

/**
 * Where batches wait until a publisher accepted them, in order. This is the seam for the
 * durable disk spool of a later issue: a spool implements the same interface (and survives
 * restarts), the outbox does not change.
 */
export interface BatchStore {
  /** Appends; when full, drops and returns the oldest batch. */
  push(envelope: TelemetryEnvelope): TelemetryEnvelope | undefined;
  /** The oldest batch, still stored. */
  peek(): TelemetryEnvelope | undefined;
  /** Removes the oldest batch (after it was published). */
  shift(): void;
  readonly size: number;
}

/** Bounded in-memory store: what is in it is lost if the process dies. */
export class MemoryBatchStore implements BatchStore {
  private readonly items: TelemetryEnvelope[] = [];

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) {
      throw new RangeError(`batch store capacity must be ≥ 1, got ${capacity}`);
    }
  }

  push(envelope: TelemetryEnvelope): TelemetryEnvelope | undefined {
    this.items.push(envelope);
    return this.items.length > this.capacity ? this.items.shift() : undefined;
  }

  peek(): TelemetryEnvelope | undefined {
    return this.items[0];
  }

  shift(): void {
    this.items.shift();
  }

  get size(): number {
    return this.items.length;
  }
}
