import { subjectFilters } from './subjects.js';

/**
 * JetStream streams as data. Apps apply these idempotently at start (add, or update when
 * present), so the definition lives in one place. Durations are in milliseconds here and
 * converted to nanoseconds by whoever talks to JetStream.
 */
export interface StreamDefinition {
  name: string;
  subjects: string[];
  maxAgeMs: number;
  /** JetStream's Nats-Msg-Id dedupe window. */
  duplicateWindowMs: number;
}

const DAY = 24 * 60 * 60 * 1000;

export const streams = {
  telemetry: {
    name: 'TELEMETRY',
    subjects: [subjectFilters.telemetry],
    // A week lets ingest be down for days without losing what gateways already handed over.
    maxAgeMs: 7 * DAY,
    duplicateWindowMs: 10 * 60 * 1000,
  },
  events: {
    name: 'EVENTS',
    subjects: [subjectFilters.events],
    maxAgeMs: 30 * DAY,
    duplicateWindowMs: 10 * 60 * 1000,
  },
  heartbeat: {
    name: 'HEARTBEAT',
    subjects: [subjectFilters.heartbeat],
    maxAgeMs: DAY,
    duplicateWindowMs: 60 * 1000,
  },
  alarms: {
    name: 'ALARMS',
    subjects: [subjectFilters.alarms],
    // The alarm table is the record; the stream only has to outlive a delivery outage.
    maxAgeMs: 14 * DAY,
    duplicateWindowMs: 10 * 60 * 1000,
  },
  deadLetter: {
    name: 'DEADLETTER',
    subjects: [subjectFilters.deadLetter],
    maxAgeMs: 30 * DAY,
    duplicateWindowMs: 60 * 1000,
  },
} as const satisfies Record<string, StreamDefinition>;

/** Durable consumer names, shared by every ingest process so they split the work. */
export const consumers = {
  telemetryWriter: 'ingest-telemetry',
  /** The alarm evaluator's own cursor over TELEMETRY, so alarm work never slows the write path. */
  alarmEvaluator: 'ingest-alarms',
  /** Ingest's cursor over HEARTBEAT: latest heartbeat per gateway and the spool-backlog rule. */
  heartbeats: 'ingest-heartbeats',
  /** The api's notification fan-out on ALARMS (one durable, shared by every api worker). */
  notify: 'notify',
} as const;

/** Header carrying the reason a message was dead-lettered. */
export const DEAD_LETTER_REASON_HEADER = 'Fleet-Reject-Reason';
export const DEAD_LETTER_SUBJECT_HEADER = 'Fleet-Original-Subject';
