// Which batches a full spool gives up first. A batch is dropped whole, so its class is the
// most precious kind it carries: one event makes the whole batch an event batch.
import { isEventEnvelope, type OutboundEnvelope } from './outbound-envelope.js';

/** Drop order: the first class is dropped first (oldest batch first within a class). */
export const BATCH_CLASSES = ['cells', 'pack', 'event'] as const;
export type BatchClass = (typeof BATCH_CLASSES)[number];

/** 0 = dropped first. Stored with every spooled batch so the quota can pick a victim by index. */
export function batchClassRank(batchClass: BatchClass): number {
  return BATCH_CLASSES.indexOf(batchClass);
}

/**
 * Sample kind → class. Per-cell snapshots are large and re-sent every few minutes anyway;
 * pack values are the time series; events (alarm/protection edges) are rare and irreplaceable.
 * A kind this table does not know counts as `pack`: kept longer than snapshots, given up before
 * events.
 */
function classOfKind(kind: string): BatchClass {
  if (kind.includes('event') || kind.includes('alarm')) {
    return 'event';
  }
  if (kind.includes('cell')) {
    return 'cells';
  }
  return 'pack';
}

export function classifyBatch(envelope: OutboundEnvelope): BatchClass {
  if (isEventEnvelope(envelope)) {
    return 'event'; // bms.evt/1 batches (composition, boot)
  }
  let rank = 0;
  for (const sample of envelope.samples) {
    rank = Math.max(rank, batchClassRank(classOfKind(sample.kind as string)));
  }
  return BATCH_CLASSES[rank] ?? 'pack';
}
