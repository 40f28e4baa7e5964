import type { TelemetryEnvelope } from '@fleet/telemetry';
import { Inject, Injectable } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { IngestCounters } from './ingest-counters.js';
import type { InboundTelemetry, IngestOutcome, IngestRejectCode } from './ingest-outcome.js';

/** The dead-letter policy of ingest: park, log, count, and only then let the caller ack. */
@Injectable()
export class TelemetryRejecter {
  private readonly logger: Logger;

  constructor(
    @Inject(DeadLetterPublisher) private readonly deadLetters: DeadLetterPublisher,
    @Inject(IngestCounters) private readonly counters: IngestCounters,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'telemetry-ingest' });
  }

  /** Dead-letter, log, count; a nak when the dead letter cannot be published (nothing is lost). */
  async reject(
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
    if (!(await this.park(message, gatewayId, code, reason))) {
      return this.retry();
    }
    this.logger.warn({ ...ids, code, reason }, 'message rejected and dead-lettered');
    this.counters.rejected(code);
    return { action: 'ack', result: 'rejected' };
  }

  /**
   * Sample kinds this ingest does not know (a newer agent) are not lost: the batch's original
   * bytes go to the dead-letter stream with code `unknown-sample-kind` (a newer ingest can
   * replay them from there), and the known samples of the batch are stored as usual.
   * False when the dead letter could not be published (the caller naks; nothing was stored).
   */
  async parkUnknownSamples(message: InboundTelemetry, envelope: TelemetryEnvelope): Promise<boolean> {
    const kinds = [...new Set(envelope.unknownSamples?.map((s) => s.originalKind))];
    const reason = `${envelope.unknownSamples?.length} sample(s) of unknown kind ${kinds.join(', ')}; known samples stored`;
    if (!(await this.park(message, envelope.gatewayId, 'unknown-sample-kind', reason))) {
      return false;
    }
    this.counters.rejected('unknown-sample-kind');
    this.logger.warn({ gatewayId: envelope.gatewayId, kinds }, 'unknown sample kinds dead-lettered');
    return true;
  }

  /** Counted as retried: JetStream redelivers after the retry delay. */
  retry(): IngestOutcome {
    this.counters.retried();
    return { action: 'nak', delayMs: this.config.nats.retryDelayMs };
  }

  private async park(
    message: InboundTelemetry,
    gatewayId: string | undefined,
    code: IngestRejectCode,
    reason: string,
  ): Promise<boolean> {
    try {
      await this.deadLetters.publish({
        gatewayId,
        originalSubject: message.subject,
        data: message.data,
        code,
        reason,
        deliveryId: message.deliveryId,
      });
      return true;
    } catch (error) {
      // Acking now would lose the message; let JetStream hand it to us again.
      this.logger.error(
        { subject: message.subject, gatewayId, deliveryId: message.deliveryId, code, err: error },
        'dead-lettering failed; the message will be redelivered',
      );
      return false;
    }
  }
}
