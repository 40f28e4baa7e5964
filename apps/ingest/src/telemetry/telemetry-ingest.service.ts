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
    if (envelope.unknownSamples && !(await this.parkUnknownSamples(message, envelope))) {
      return { action: 'nak', delayMs: this.config.nats.retryDelayMs };
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
      const { rows, cellSnapshots, problems } = toPackSampleRows(envelope, resolved.ids);
      if (problems.length) {
        this.logger.warn(
          { ...ids, problems: problems.slice(0, 5), count: problems.length },
          'series rows skipped',
        );
      }
      const result = await this.samples.storeBatch({
        msgId,
        gatewayId: envelope.gatewayId,
        rows,
        cellSnapshots,
      });
      if (result.duplicate) {
        this.counters.duplicate();
        this.logger.debug(ids, 'batch already stored');
        return { action: 'ack', result: 'duplicate' };
      }
      this.counters.stored(result.stored + (result.storedCellSnapshots ?? 0));
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

  /**
   * Sample kinds this ingest does not know (a newer agent) are not lost: the batch's original
   * bytes go to the dead-letter stream with code `unknown-sample-kind` (a newer ingest can
   * replay them from there), and the known samples of the batch are stored as usual.
   * False when the dead letter could not be published (the caller naks; nothing was stored).
   */
  private async parkUnknownSamples(message: InboundTelemetry, envelope: TelemetryEnvelope): Promise<boolean> {
    const kinds = [...new Set(envelope.unknownSamples?.map((s) => s.originalKind))];
    const reason = `${envelope.unknownSamples?.length} sample(s) of unknown kind ${kinds.join(', ')}; known samples stored`;
    try {
      await this.deadLetters.publish({
        gatewayId: envelope.gatewayId,
        originalSubject: message.subject,
        data: message.data,
        code: 'unknown-sample-kind',
        reason,
        deliveryId: message.deliveryId,
      });
    } catch (error) {
      this.counters.retried();
      this.logger.error(
        { gatewayId: envelope.gatewayId, err: error },
        'parking unknown samples failed; redelivery',
      );
      return false;
    }
    this.counters.rejected('unknown-sample-kind');
    this.logger.warn({ gatewayId: envelope.gatewayId, kinds }, 'unknown sample kinds dead-lettered');
    return true;
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
