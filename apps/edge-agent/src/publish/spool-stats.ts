import type { BatchClass } from './batch-class.js';

/**
 * What the heartbeat reports about the spool. Read-only snapshot; counters are since process
 * start (the heartbeat carries bootId and uptime, so the cloud can tell a reset from a drop).
 */
export interface SpoolStats {
  /** `sqlite` (durable) or `memory` (lost on restart). */
  kind: 'sqlite' | 'memory';
  /** Batches waiting for an ack. */
  depth: number;
  /** Of those, batches from before the link came back (or from an earlier boot), replayed at the limit. */
  backlog: number;
  /** Bytes counted against the quota, and the quota. */
  bytes: number;
  maxBytes: number;
  /** Age of the oldest waiting batch, or null when empty. */
  oldestAgeMs: number | null;
  /** Batches the quota gave up, by class. */
  dropped: Record<BatchClass, number>;
  /** Unreadable rows found and deleted, and appends the disk refused (batch lost). */
  corrupt: number;
  appendFailures: number;
  published: number;
  failedAttempts: number;
  replay: {
    /** `--replay-rate`, batches per second. */
    limitPerS: number;
    /** Backlog batches published since start. */
    replayed: number;
    /** Backlog batches published per second over the last 10 s. */
    ratePerS: number;
  };
}

/** Implemented by the Outbox; the heartbeat depends on this, not on the outbox. */
export interface SpoolStatsSource {
  spoolStats(): SpoolStats;
}
