export { batchMessageId, GATEWAY_ID_PATTERN, isGatewayId } from './ids.js';
export { type PackSample, type PackState, packSampleSchema, packStates } from './pack-sample.js';
export {
  type EnvelopeRejectCode,
  encodeTelemetryEnvelope,
  type ParseEnvelopeResult,
  parseTelemetryEnvelope,
} from './parse-envelope.js';
export {
  consumers,
  DEAD_LETTER_REASON_HEADER,
  DEAD_LETTER_SUBJECT_HEADER,
  type StreamDefinition,
  streams,
} from './streams.js';
export { gatewayIdOfSubject, subjectFilters, subjects } from './subjects.js';
export { TELEMETRY_SCHEMA, type TelemetryEnvelope, telemetryEnvelopeSchema } from './telemetry-envelope.js';
