// What the outbox carries: telemetry batches (bms.tlm/1 → bms.v1.tlm.<gatewayId>) and event
// batches (bms.evt/1 → bms.v1.evt.<gatewayId>, EVENTS stream). One spool, one publishing
// order and one drop policy for both; only the subject, the dedupe id and the batch class
// depend on which it is.
import {
  batchMessageId,
  EVENT_SCHEMA,
  type EventEnvelope,
  eventMessageId,
  subjects,
  type TelemetryEnvelope,
} from '@fleet/telemetry';

export type OutboundEnvelope = TelemetryEnvelope | EventEnvelope;

export function isEventEnvelope(envelope: OutboundEnvelope): envelope is EventEnvelope {
  return envelope.schema === EVENT_SCHEMA;
}

export function subjectOf(envelope: OutboundEnvelope): string {
  return isEventEnvelope(envelope)
    ? subjects.events(envelope.gatewayId)
    : subjects.telemetry(envelope.gatewayId);
}

/** The broker dedupe id; event batches have their own seq space, hence their own id form. */
export function messageIdOf(envelope: OutboundEnvelope): string {
  const { gatewayId, bootId, seq } = envelope;
  return isEventEnvelope(envelope)
    ? eventMessageId(gatewayId, bootId, seq)
    : batchMessageId(gatewayId, bootId, seq);
}

export function encodeOutbound(envelope: OutboundEnvelope): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(envelope));
}
