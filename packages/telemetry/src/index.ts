export {
  ALARM_EVENT_SCHEMA,
  type AlarmEvent,
  type AlarmSeverity,
  type AlarmStatus,
  type AlarmTransition,
  alarmEventMessageId,
  alarmEventSchema,
  alarmSeverities,
  alarmStatuses,
  alarmTransitions,
} from './alarm-event.js';
export {
  type CellSnapshot,
  type CellSource,
  type CellTrigger,
  cellSnapshotSchema,
  cellSources,
  cellTriggers,
} from './cell-snapshot.js';
export {
  CLAIM_CODE_DIGEST_BYTES,
  type ClaimCodeProblem,
  claimCodeFromDigest,
  enrolmentProofMessage,
  gatewayIdOfClaimCode,
  type ParseClaimCodeResult,
  parseClaimCode,
} from './claim-code.js';
export {
  type BootEvent,
  bootEventSchema,
  type CompositionEvent,
  compositionEventSchema,
  EVENT_SCHEMA,
  type EventEnvelope,
  encodeEventEnvelope,
  eventEnvelopeSchema,
  eventMessageId,
  type KnownEvent,
  type UnknownEvent,
} from './event-envelope.js';
export {
  type HeartbeatMessage,
  type HeartbeatRejectCode,
  heartbeatSchema,
  type ParseHeartbeatResult,
  parseHeartbeat,
} from './heartbeat.js';
export { batchMessageId, GATEWAY_ID_PATTERN, isGatewayId } from './ids.js';
export { type PackSample, type PackState, packSampleSchema, packStates } from './pack-sample.js';
export {
  type ExpandedPackSeries,
  encodePackSeries,
  expandPackSeries,
  PACK_SERIES_FIELDS,
  type PackSeries,
  type PackSeriesField,
  packSeriesSchema,
} from './pack-series.js';
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
export {
  type KnownSample,
  TELEMETRY_SCHEMA,
  type TelemetryEnvelope,
  telemetryEnvelopeSchema,
  type UnknownSample,
} from './telemetry-envelope.js';
export {
  type FirmwareVersions,
  firmwareVersionsSchema,
  type TopologyEvent,
  type TopologyModule,
  type TopologyString,
  topologyEventSchema,
  topologyModuleSchema,
  topologyStringSchema,
} from './topology-event.js';
export { updateCheckMessage } from './update-check.js';
