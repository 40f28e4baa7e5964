import type { EvidenceAlarmTransition, EvidenceEvent, EvidenceGap, EvidenceIdentity } from '@fleet/db';
import type { EvidenceWarranty } from '../warranty-source.js';
import type { FileDigest } from './write-hashed.js';

/** Rows of each list the PDF prints in full; the CSV always has all of them. */
export const PDF_LIST_ROWS = 40;

/**
 * What the PDF is drawn from, collected while the CSVs are written: a point per day for the
 * charts (a ten-year pack is 3,653 small points), counts and the first rows of each list.
 */
export interface PackSummary {
  packId: string;
  period: { from: Date; to: Date };
  generatedAt: Date;
  identity: EvidenceIdentity;
  warranty: EvidenceWarranty;
  nominalWh: number | null;
  soh: Array<{ t: number; min: number | null; last: number | null }>;
  throughput: Array<{
    t: number;
    inKwh: number;
    outKwh: number;
    cumulativeOutKwh: number;
    cycles: number | null;
  }>;
  completeness: Array<{ t: number; pct: number }>;
  alarms: { count: number; first: EvidenceAlarmTransition[] };
  events: { count: number; first: EvidenceEvent[] };
  gaps: { count: number; totalS: number; first: EvidenceGap[] };
  files: Array<{ name: string } & FileDigest>;
}

export function emptySummary(
  head: Pick<PackSummary, 'packId' | 'period' | 'generatedAt' | 'identity' | 'warranty' | 'nominalWh'>,
): PackSummary {
  return {
    ...head,
    soh: [],
    throughput: [],
    completeness: [],
    alarms: { count: 0, first: [] },
    events: { count: 0, first: [] },
    gaps: { count: 0, totalS: 0, first: [] },
    files: [],
  };
}

/** Counts a list row and keeps it when the PDF still has room for it. */
export function keepFirst<T>(list: { count: number; first: T[] }, row: T): void {
  list.count += 1;
  if (list.first.length < PDF_LIST_ROWS) {
    list.first.push(row);
  }
}
