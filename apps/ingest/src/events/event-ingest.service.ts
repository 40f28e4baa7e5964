import { BmsEventRepository, StringRegistryRepository } from '@fleet/db';
import {
  type EventEnvelope,
  eventEnvelopeSchema,
  eventMessageId,
  gatewayIdOfSubject,
} from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { isPermanentDbError } from '../telemetry/is-permanent-db-error.js';
import { EventCounters } from './event-counters.js';
import { compositionKeys, toEventRows } from './event-rows.js';

export interface InboundEvent {
  subject: string;
  data: Uint8Array;
}

/** ack: done with (stored, duplicate or refused for good); nak: try again later. */
export type EventOutcome = 'ack' | 'nak';

/**
 * One `bms.evt/1` batch: validate, resolve the composition strings (registering new ones like
 * telemetry does), store every event in bms_event and apply compositions, in one transaction.
 * A message that can never be stored (not JSON, schema, foreign gateway, refused by the
 * database) is counted, logged and acknowledged, so it cannot block the consumer; a transient
 * database failure naks. Never throws.
 */
@Injectable()
export class EventIngestService {
  private readonly logger: Logger;

  constructor(
    @Inject(StringRegistryRepository) private readonly registry: StringRegistryRepository,
    @Inject(BmsEventRepository) private readonly events: BmsEventRepository,
    @Inject(EventCounters) private readonly counters: EventCounters,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'event-ingest' });
  }

  async handle(message: InboundEvent): Promise<EventOutcome> {
    const decoded = this.decode(message);
    if (typeof decoded === 'string') {
      return this.refuse(message, decoded);
    }
    const msgId = eventMessageId(decoded.gatewayId, decoded.bootId, decoded.seq);
    try {
      const resolved = await this.registry.resolve(decoded.gatewayId, compositionKeys(decoded));
      if (resolved.gateway === 'unknown') {
        return this.refuse(message, `gateway ${decoded.gatewayId} is not registered`);
      }
      const rows = toEventRows(decoded, resolved.ids);
      const stored = await this.events.storeBatch({ gatewayId: decoded.gatewayId, msgId, events: rows });
      this.counters.add(stored === 0 ? 'duplicates' : 'stored');
      this.counters.add('events', stored);
      return 'ack';
    } catch (error) {
      if (isPermanentDbError(error)) {
        return this.refuse(message, `database refused the batch: ${(error as Error).message}`);
      }
      this.counters.add('retried');
      this.logger.warn({ msgId, err: error }, 'storing events failed; they will be redelivered');
      return 'nak';
    }
  }

  private decode(message: InboundEvent): EventEnvelope | string {
    const gatewayId = gatewayIdOfSubject(message.subject);
    if (!gatewayId) {
      return `subject ${message.subject} names no valid gateway id`;
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder().decode(message.data));
    } catch {
      return `payload is not JSON (${message.data.length} bytes)`;
    }
    const parsed = eventEnvelopeSchema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
      return `envelope invalid: ${first.join('; ')}`;
    }
    if (parsed.data.gatewayId !== gatewayId) {
      return `payload gatewayId "${parsed.data.gatewayId}" differs from subject gateway "${gatewayId}"`;
    }
    return parsed.data;
  }

  private refuse(message: InboundEvent, reason: string): EventOutcome {
    this.counters.add('rejected');
    this.logger.warn({ subject: message.subject, bytes: message.data.length, reason }, 'event batch refused');
    return 'ack';
  }
}
