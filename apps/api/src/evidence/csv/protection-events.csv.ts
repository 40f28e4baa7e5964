import type { EvidenceEvent } from '@fleet/db';
import { iso } from './csv-lines.js';
import { keepFirst, type PackSummary } from './pack-summary.js';

export const PROTECTION_EVENTS_CSV = 'protection_events.csv';

export const PROTECTION_EVENTS_HEADER = ['ts', 'kind', 'gateway_id', 'msg_id', 'idx', 'body'] as const;

/** The string's BMS events (bms_event) in the period, oldest first, each body as received (JSON). */
export async function* protectionEventRows(
  events: AsyncIterable<EvidenceEvent>,
  summary: Pick<PackSummary, 'events'>,
): AsyncGenerator<unknown[]> {
  for await (const e of events) {
    keepFirst(summary.events, e);
    yield [iso(e.ts), e.kind, e.gatewayId, e.msgId, e.idx, JSON.stringify(e.body ?? {})];
  }
}
