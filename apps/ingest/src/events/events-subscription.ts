import { consumers } from '@fleet/telemetry';
import type { IngestConfig } from '../config/ingest-config.js';

/** Durable name of ingest's cursor over EVENTS (shared by every ingest process). */
export const EVENTS_CONSUMER = 'ingest-events';

/**
 * The event writer follows the telemetry writer's settings, like the alarm evaluator: the default
 * writer reads every gateway's events as `ingest-events`; a writer with its own durable and filter
 * (INGEST_CONSUMER, INGEST_FILTER_SUBJECT: tests, a split deployment) reads the same gateways'
 * events as `<INGEST_CONSUMER>-events`.
 */
export function eventsSubscription(nats: IngestConfig['nats']): { durable: string; filterSubject: string } {
  const durable = nats.consumer === consumers.telemetryWriter ? EVENTS_CONSUMER : `${nats.consumer}-events`;
  return { durable, filterSubject: nats.filterSubject.replace(/^bms\.v1\.tlm\./, 'bms.v1.evt.') };
}
