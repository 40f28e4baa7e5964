import { Injectable } from '@nestjs/common';

export interface EventCountersSnapshot {
  /** Batches with at least one new event committed. */
  stored: number;
  /** Events inserted. */
  events: number;
  /** Batches already stored (redelivery, replay): nothing written. */
  duplicates: number;
  /** Batches refused for good (bad subject, not JSON, schema, unknown gateway, database refusal). */
  rejected: number;
  /** Batches handed back for a later retry (transient database failure). */
  retried: number;
}

/** Process-local counters of the event writer. */
@Injectable()
export class EventCounters {
  private readonly counts: EventCountersSnapshot = {
    stored: 0,
    events: 0,
    duplicates: 0,
    rejected: 0,
    retried: 0,
  };

  add(key: keyof EventCountersSnapshot, n = 1): void {
    this.counts[key] += n;
  }

  snapshot(): EventCountersSnapshot {
    return { ...this.counts };
  }
}
