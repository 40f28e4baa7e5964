import { EVENT_SCHEMA, type EventEnvelope, type KnownEvent } from '@fleet/telemetry';
import type { Clock } from '../clock.js';

/**
 * Numbers event batches: the boot's id, seq from 0 in a space of its own (telemetry seq stays
 * gap-free for ingest), never reused within a boot.
 */
export class EventEnvelopeFactory {
  private nextSeq = 0;

  constructor(
    private readonly gatewayId: string,
    readonly bootId: string,
    private readonly clock: Clock,
  ) {}

  create(events: KnownEvent[]): EventEnvelope {
    const seq = this.nextSeq;
    this.nextSeq += 1;
    return {
      schema: EVENT_SCHEMA,
      gatewayId: this.gatewayId,
      bootId: this.bootId,
      seq,
      sentAt: this.clock.now().toISOString(),
      events,
    };
  }
}
