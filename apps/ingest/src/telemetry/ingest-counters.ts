import { Injectable } from '@nestjs/common';
import type { IngestRejectCode } from './ingest-outcome.js';

export type WritePath = 'copy' | 'merge' | 'single';

export interface IngestCountersSnapshot {
  /** Batches committed. */
  stored: number;
  /** Sample rows inserted by those batches. */
  storedSamples: number;
  /** Batches already in the ledger (redelivery, replay): acknowledged, nothing written. */
  duplicates: number;
  /** Batches handed back to JetStream for a later retry (database or dead-letter failure). */
  retried: number;
  rejected: Partial<Record<IngestRejectCode, number>>;
  /** Rows set aside in quarantined_sample (reason there); the rest of their batches was stored. */
  quarantined: number;
  /**
   * Committed group transactions by path (`copy` = fast path, `merge` = overlap with stored rows),
   * and `single`: batches written one by one after their group failed (README, "The write path").
   */
  writes: Record<WritePath, number>;
}

/** Process-local counters behind GET /health. */
@Injectable()
export class IngestCounters {
  private readonly counts: IngestCountersSnapshot = {
    stored: 0,
    storedSamples: 0,
    duplicates: 0,
    retried: 0,
    rejected: {},
    quarantined: 0,
    writes: { copy: 0, merge: 0, single: 0 },
  };

  stored(samples: number): void {
    this.counts.stored += 1;
    this.counts.storedSamples += samples;
  }

  duplicate(): void {
    this.counts.duplicates += 1;
  }

  retried(): void {
    this.counts.retried += 1;
  }

  rejected(code: IngestRejectCode): void {
    this.counts.rejected[code] = (this.counts.rejected[code] ?? 0) + 1;
  }

  quarantined(rows: number): void {
    this.counts.quarantined += rows;
  }

  wrote(path: WritePath): void {
    this.counts.writes[path] += 1;
  }

  snapshot(): IngestCountersSnapshot {
    return {
      ...this.counts,
      rejected: { ...this.counts.rejected },
      writes: { ...this.counts.writes },
    };
  }
}
