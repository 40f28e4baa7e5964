// `--spool memory`: the same policy as the disk spool, but what is in it is lost with the process.
import { BATCH_CLASSES, classifyBatch } from './batch-class.js';
import { BATCH_OVERHEAD_BYTES, type BatchStore, type DroppedBatch, type StoredBatch } from './batch-store.js';
import type { OutboundEnvelope } from './outbound-envelope.js';

export interface StoreQuota {
  maxBytes: number;
  /** Optional bound on the number of batches (the in-memory `--queue-max`). */
  maxBatches?: number;
}

interface Entry extends StoredBatch {
  bytes: number;
}

export class MemoryBatchStore implements BatchStore {
  readonly kind = 'memory';
  readonly corrupt = 0;
  private readonly entries: Entry[] = [];
  private total = 0;
  private nextId = 1;

  constructor(private readonly quota: StoreQuota) {
    if (!(quota.maxBytes > 0) || (quota.maxBatches !== undefined && !(quota.maxBatches >= 1))) {
      throw new RangeError(`batch store quota must be positive, got ${JSON.stringify(quota)}`);
    }
  }

  append(envelope: OutboundEnvelope, nowMs: number): DroppedBatch[] {
    const bytes = Buffer.byteLength(JSON.stringify(envelope)) + BATCH_OVERHEAD_BYTES;
    const id = this.nextId;
    this.nextId += 1;
    this.entries.push({ id, envelope, batchClass: classifyBatch(envelope), storedAtMs: nowMs, bytes });
    this.total += bytes;
    const dropped: DroppedBatch[] = [];
    while (this.overQuota()) {
      const victim = this.victimIndex();
      const [entry] = this.entries.splice(victim, 1);
      if (entry === undefined) {
        break;
      }
      this.total -= entry.bytes;
      const { batchClass, envelope: e } = entry;
      dropped.push({ id: entry.id, batchClass, bootId: e.bootId, seq: e.seq, bytes: entry.bytes });
    }
    return dropped;
  }

  oldest(fromId = 0): StoredBatch | undefined {
    return this.entries.find((e) => e.id >= fromId);
  }

  remove(id: number): void {
    const index = this.entries.findIndex((e) => e.id === id);
    if (index >= 0) {
      this.total -= this.entries[index]?.bytes ?? 0;
      this.entries.splice(index, 1);
    }
  }

  countBelow(id: number): number {
    return this.entries.filter((e) => e.id < id).length;
  }

  get size(): number {
    return this.entries.length;
  }

  get bytes(): number {
    return this.total;
  }

  get lastId(): number {
    return this.nextId - 1;
  }

  close(): void {
    this.entries.length = 0;
    this.total = 0;
  }

  private overQuota(): boolean {
    const { maxBytes, maxBatches } = this.quota;
    return (
      this.entries.length > 0 && (this.total > maxBytes || this.entries.length > (maxBatches ?? Infinity))
    );
  }

  /** Oldest batch of the lowest class present. */
  private victimIndex(): number {
    for (const batchClass of BATCH_CLASSES) {
      const index = this.entries.findIndex((e) => e.batchClass === batchClass);
      if (index >= 0) {
        return index;
      }
    }
    return 0;
  }
}
