export { GATEWAY_ID_PATTERN, isGatewayId, batchMessageId } from './ids.js';
export { subjects, subjectFilters, gatewayIdOfSubject } from './subjects.js';
export {
  streams,
  consumers,
  DEAD_LETTER_REASON_HEADER,
  DEAD_LETTER_SUBJECT_HEADER,
  type StreamDefinition,
} from './streams.js';
export { packSampleSchema, packStates, type PackSample, type PackState } from './pack-sample.js';
export { TELEMETRY_SCHEMA, telemetryEnvelopeSchema, type TelemetryEnvelope } from './telemetry-envelope.js';
export {
  parseTelemetryEnvelope,
  encodeTelemetryEnvelope,
  type ParseEnvelopeResult,
  type EnvelopeRejectCode,
} from './parse-envelope.js';
