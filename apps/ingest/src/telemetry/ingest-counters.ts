import { Injectable } from '@nestjs/common';
import type { IngestRejectCode } from './ingest-outcome.js';

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

  snapshot(): IngestCountersSnapshot {
    return { ...this.counts, rejected: { ...this.counts.rejected } };
  }
}
