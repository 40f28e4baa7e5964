import type { BatchClass } from './batch-class.js';
import type { OutboundEnvelope } from './outbound-envelope.js';

/** A batch as the store holds it. `id` grows with every append and is never reused. */
export interface StoredBatch {
  id: number;
  envelope: OutboundEnvelope;
  batchClass: BatchClass;
  storedAtMs: number;
}

/** A batch the quota gave up, for counting and logging. */
export interface DroppedBatch {
  id: number;
  batchClass: BatchClass;
  bootId: string;
  seq: number;
  bytes: number;
}

/**
 * Where batches wait until a publisher accepted them, in order. The outbox publishes from it
 * and removes a batch only after the broker's ack. Two implementations: `SqliteBatchStore`
 * (durable spool, survives SIGKILL and power loss) and `MemoryBatchStore` (tests, `--spool memory`).
 */
export interface BatchStore {
  /** `sqlite` or `memory`: whether what is stored survives the process. */
  readonly kind: 'sqlite' | 'memory';
  /**
   * Stores the batch (durably, for a spool) before returning, then enforces the quota: the
   * returned batches were dropped (oldest of the lowest class first; may include this one).
   */
  append(envelope: OutboundEnvelope, nowMs: number): DroppedBatch[];
  /** The oldest stored batch whose id is ≥ `fromId`. */
  oldest(fromId?: number): StoredBatch | undefined;
  /** Deletes a batch after its ack; a batch the quota dropped meanwhile is simply gone. */
  remove(id: number): void;
  /** Batches with an id below `id`. */
  countBelow(id: number): number;
  readonly size: number;
  /** Payload bytes plus a per-batch overhead, the quantity the quota bounds. */
  readonly bytes: number;
  /** The highest id ever handed out (0 before the first append). */
  readonly lastId: number;
  /** Stored rows that could not be read back as envelopes; they were deleted. */
  readonly corrupt: number;
  close(): void;
}

/** Bookkeeping per batch beside its payload (row header, index entries), for the quota. */
export const BATCH_OVERHEAD_BYTES = 96;
