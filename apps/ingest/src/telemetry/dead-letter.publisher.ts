import { DEAD_LETTER_REASON_HEADER, DEAD_LETTER_SUBJECT_HEADER, subjects } from '@fleet/telemetry';
import { headers } from '@nats-io/transport-node';
import { Inject, Injectable } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';
import type { IngestRejectCode } from './ingest-outcome.js';

/** Human-readable reason next to the code header; single line, bounded. */
export const DEAD_LETTER_DETAIL_HEADER = 'Fleet-Reject-Detail';

export interface DeadLetter {
  /** Gateway id from the subject, if it had a valid one. */
  gatewayId: string | undefined;
  originalSubject: string;
  data: Uint8Array;
  code: IngestRejectCode;
  reason: string;
  deliveryId: string;
}

/** Parks refused messages on `dlq.v1.tlm.<gatewayId>` (stream DEADLETTER) with their original bytes. */
@Injectable()
export class DeadLetterPublisher {
  constructor(@Inject(NatsClient) private readonly nats: NatsClient) {}

  async publish(letter: DeadLetter): Promise<void> {
    const h = headers();
    h.set(DEAD_LETTER_REASON_HEADER, letter.code);
    h.set(DEAD_LETTER_SUBJECT_HEADER, letter.originalSubject);
    h.set(DEAD_LETTER_DETAIL_HEADER, letter.reason.replace(/[\r\n]+/g, ' ').slice(0, 512));
    const js = await this.nats.jetstream();
    // The delivery id as Nats-Msg-Id: if our ack is lost and the message comes again, the
    // dead-letter stream drops the second copy.
    await js.publish(subjects.deadLetter('tlm', letter.gatewayId ?? 'unknown'), letter.data, {
      headers: h,
      msgID: `dlq:${letter.deliveryId}`,
    });
  }
}
