import { type TelemetryEnvelope, telemetryEnvelopeSchema } from './telemetry-envelope.js';

/** Why a message was refused; closed set, used as a metric label and in dead-letter headers. */
export type EnvelopeRejectCode = 'not-json' | 'schema' | 'gateway-mismatch';

export type ParseEnvelopeResult =
  | { ok: true; envelope: TelemetryEnvelope }
  | { ok: false; code: EnvelopeRejectCode; reason: string };

/** One decoder for every message: constructing one per call showed in the ingest profile. */
const utf8 = new TextDecoder();

/**
 * Parses raw message bytes into a telemetry envelope. Never throws: a bad message yields a
 * code and a human-readable reason that names the offending field.
 * When `subjectGatewayId` is given, the payload must name the same gateway.
 */
export function parseTelemetryEnvelope(bytes: Uint8Array, subjectGatewayId?: string): ParseEnvelopeResult {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch (error) {
    return { ok: false, code: 'not-json', reason: `payload is not JSON: ${(error as Error).message}` };
  }
  const parsed = telemetryEnvelopeSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, code: 'schema', reason: `envelope invalid: ${first.join('; ')}` };
  }
  if (subjectGatewayId !== undefined && parsed.data.gatewayId !== subjectGatewayId) {
    return {
      ok: false,
      code: 'gateway-mismatch',
      reason: `payload gatewayId "${parsed.data.gatewayId}" differs from subject gateway "${subjectGatewayId}"`,
    };
  }
  return { ok: true, envelope: parsed.data };
}

export function encodeTelemetryEnvelope(envelope: TelemetryEnvelope): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(envelope));
}
