import type { BatchStore } from './batch-store.js';
import { MemoryBatchStore } from './memory-batch-store.js';
import { SqliteBatchStore } from './sqlite-batch-store.js';

export interface SpoolConfig {
  /** A file path, or `memory`. */
  spool: string;
  spoolMaxMb: number;
  /** Batch-count bound of the memory store. */
  queueMax: number;
}

export const SPOOL_IN_MEMORY = 'memory';

/** Throws `SpoolOpenError` when the file cannot be opened (locked by another agent, unwritable). */
export function createBatchStore(config: SpoolConfig): BatchStore {
  const maxBytes = config.spoolMaxMb * 1024 * 1024;
  return config.spool === SPOOL_IN_MEMORY
    ? new MemoryBatchStore({ maxBytes, maxBatches: config.queueMax })
    : new SqliteBatchStore(config.spool, { maxBytes });
}
