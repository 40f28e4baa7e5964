import type { EnvelopeRejectCode } from '@fleet/telemetry';
import type { Context } from '@opentelemetry/api';

/**
 * Why ingest refused a message (a metric label and the dead-letter reason header):
 * the envelope codes of @fleet/telemetry, plus
 * - `bad-subject`: the subject names no valid gateway id, so the sender cannot be checked;
 * - `unknown-gateway`: no gateway with this id is registered;
 * - `store-rejected`: the database refused the data itself (a data or constraint error),
 *   which retrying cannot fix. Transient database failures are retried, never dead-lettered;
 * - `unknown-sample-kind`: the batch holds sample kinds this ingest does not know; its
 *   original bytes are dead-lettered so they are not lost, and its known samples are stored.
 */
export type IngestRejectCode =
  | EnvelopeRejectCode
  | 'bad-subject'
  | 'unknown-gateway'
  | 'store-rejected'
  | 'unknown-sample-kind';

/** One delivered message, reduced to what ingest needs (the transport stays in the consumer). */
export interface InboundTelemetry {
  subject: string;
  data: Uint8Array;
  /** JetStream `Nats-Msg-Id` header, when the publisher set one. */
  natsMsgId?: string;
  /** `<stream>:<stream sequence>`: identifies this delivery for logs and dead-letter dedupe. */
  deliveryId: string;
  /** The message's trace (its receive span); decode and write spans become its children. */
  trace?: Context;
}

export type IngestOutcome =
  | { action: 'ack'; result: 'stored' | 'duplicate' | 'rejected' }
  | { action: 'nak'; delayMs: number };
