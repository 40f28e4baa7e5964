import type { PackReadings } from '../model/pack-readings.js';

export interface ReplyRecord {
  at: string;
  bmsAddress: number;
  /** Exactly the values encoded in that burst. */
  pack: PackReadings;
}

/** The last answered bursts, newest first, bounded. */
export class ReplyLog {
  private records: ReplyRecord[] = [];

  constructor(private readonly capacity = 50) {}

  record(entry: ReplyRecord): void {
    this.records.unshift(entry);
    if (this.records.length > this.capacity) {
      this.records.length = this.capacity;
    }
  }

  newestFirst(): readonly ReplyRecord[] {
    return this.records;
  }
}
