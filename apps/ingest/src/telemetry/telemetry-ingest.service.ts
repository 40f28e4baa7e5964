import { PackSampleRepository, StringRegistryRepository } from '@fleet/db';
import {
  batchMessageId,
  gatewayIdOfSubject,
  parseTelemetryEnvelope,
  type TelemetryEnvelope,
} from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { IngestCounters } from './ingest-counters.js';
import type { InboundTelemetry, IngestOutcome, IngestRejectCode } from './ingest-outcome.js';
import { isPermanentDbError } from './is-permanent-db-error.js';
import { toPackSampleRows } from './to-pack-sample-rows.js';

/**
 * validate → resolve strings → store, for one telemetry message. Never throws: every message
 * ends as ack (stored, duplicate, or dead-lettered) or nak (retry later), so one bad message
 * cannot stop the consumer.
 *
 * Ledger key: the envelope's own `<gatewayId>:<bootId>:<seq>` (batchMessageId), not the
 * Nats-Msg-Id header. The envelope is validated and identical on every transport (NATS, IoT
 * Core), while the header is optional transport metadata; so a replay of the same batch is
 * recognised whatever header it carries. Edge agents set Nats-Msg-Id to the same value, which
 * lets JetStream drop resends inside its window before they reach us.
 */
@Injectable()
export class TelemetryIngestService {
  private readonly logger: Logger;

  constructor(
    @Inject(StringRegistryRepository) private readonly strings: StringRegistryRepository,
    @Inject(PackSampleRepository) private readonly samples: PackSampleRepository,
    @Inject(DeadLetterPublisher) private readonly deadLetters: DeadLetterPublisher,
    @Inject(IngestCounters) private readonly counters: IngestCounters,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'telemetry-ingest' });
  }

  async handle(message: InboundTelemetry): Promise<IngestOutcome> {
    const gatewayId = gatewayIdOfSubject(message.subject);
    if (!gatewayId) {
      return this.reject(
        message,
        undefined,
        'bad-subject',
        `subject ${message.subject} names no valid gateway id`,
      );
    }
    const parsed = parseTelemetryEnvelope(message.data, gatewayId);
    if (!parsed.ok) {
      // A JSON parser's message quotes the payload; logs and headers get ids and sizes only.
      const reason =
        parsed.code === 'not-json' ? `payload is not JSON (${message.data.length} bytes)` : parsed.reason;
      return this.reject(message, gatewayId, parsed.code, reason);
    }
    return this.store(message, parsed.envelope);
  }

  private async store(message: InboundTelemetry, envelope: TelemetryEnvelope): Promise<IngestOutcome> {
    const msgId = batchMessageId(envelope.gatewayId, envelope.bootId, envelope.seq);
    const ids = { gatewayId: envelope.gatewayId, msgId, deliveryId: message.deliveryId };
    if (message.natsMsgId && message.natsMsgId !== msgId) {
      this.logger.debug({ ...ids, natsMsgId: message.natsMsgId }, 'Nats-Msg-Id differs from the envelope id');
    }
    try {
      const keys = envelope.samples.map(({ bus, bmsAddress }) => ({ bus, bmsAddress }));
      const resolved = await this.strings.resolve(envelope.gatewayId, keys);
      if (resolved.gateway === 'unknown') {
        return await this.reject(
          message,
          envelope.gatewayId,
          'unknown-gateway',
          `gateway ${envelope.gatewayId} is not registered`,
        );
      }
      if (resolved.discovered.length) {
        this.logger.info({ ...ids, strings: resolved.discovered }, 'registered newly seen strings');
      }
      const rows = toPackSampleRows(envelope, resolved.ids);
      const result = await this.samples.storeBatch({ msgId, gatewayId: envelope.gatewayId, rows });
      if (result.duplicate) {
        this.counters.duplicate();
        this.logger.debug(ids, 'batch already stored');
        return { action: 'ack', result: 'duplicate' };
      }
      this.counters.stored(result.stored);
      return { action: 'ack', result: 'stored' };
    } catch (error) {
      if (isPermanentDbError(error)) {
        const detail = `database refused the batch: ${(error as Error).message}`;
        return this.reject(message, envelope.gatewayId, 'store-rejected', detail);
      }
      this.counters.retried();
      this.logger.warn({ ...ids, err: error }, 'storing the batch failed; it will be redelivered');
      return { action: 'nak', delayMs: this.config.nats.retryDelayMs };
    }
  }

  /** Dead-letter, log, count, and only then let the caller ack the original. */
  private async reject(
    message: InboundTelemetry,
    gatewayId: string | undefined,
    code: IngestRejectCode,
    reason: string,
  ): Promise<IngestOutcome> {
    const ids = {
      subject: message.subject,
      gatewayId,
      deliveryId: message.deliveryId,
      natsMsgId: message.natsMsgId,
    };
    try {
      await this.deadLetters.publish({
        gatewayId,
        originalSubject: message.subject,
        data: message.data,
        code,
        reason,
        deliveryId: message.deliveryId,
      });
    } catch (error) {
      // Acking now would lose the message; let JetStream hand it to us again.
      this.counters.retried();
      this.logger.error(
        { ...ids, code, err: error },
        'dead-lettering failed; the message will be redelivered',
      );
      return { action: 'nak', delayMs: this.config.nats.retryDelayMs };
    }
    this.logger.warn({ ...ids, code, reason }, 'message rejected and dead-lettered');
    this.counters.rejected(code);
    return { action: 'ack', result: 'rejected' };
  }
}
