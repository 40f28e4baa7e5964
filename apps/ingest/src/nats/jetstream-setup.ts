import type { StreamDefinition } from '@fleet/telemetry';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

function isNotFound(error: unknown, code: number): boolean {
  return error instanceof JetStreamApiError && error.code === code;
}

/**
 * Applies a stream definition idempotently: add when absent, update when present (so a changed
 * max age or dedupe window in @fleet/telemetry reaches existing servers). `replicas`
 * (NATS_STREAM_REPLICAS) is set only when given, so an instance without it never scales a
 * clustered stream back down to one replica.
 */
export async function applyStream(
  jsm: JetStreamManager,
  definition: StreamDefinition,
  replicas?: number,
): Promise<'added' | 'updated'> {
  const limits = {
    subjects: definition.subjects,
    max_age: nanos(definition.maxAgeMs),
    duplicate_window: nanos(definition.duplicateWindowMs),
    ...(replicas === undefined ? {} : { num_replicas: replicas }),
  };
  try {
    const current = await jsm.streams.info(definition.name);
    await jsm.streams.update(definition.name, { ...current.config, ...limits });
    return 'updated';
  } catch (error) {
    if (!isNotFound(error, JetStreamApiCodes.StreamNotFound)) {
      throw error;
    }
  }
  try {
    await jsm.streams.add({ name: definition.name, ...limits });
    return 'added';
  } catch (error) {
    // Another ingest instance added it between our info and add: update instead.
    await jsm.streams.update(definition.name, limits).catch(() => Promise.reject(error));
    return 'updated';
  }
}

/** Un-acked messages the durable consumer allows across all ingest instances. */
export const MAX_ACK_PENDING = 50_000;

export interface DurableConsumerSpec {
  stream: string;
  durable: string;
  filterSubject: string;
  ackWaitMs: number;
}

/**
 * Ensures the durable pull consumer with explicit acks. Existing consumers are updated, so a
 * changed filter subject or ack wait takes effect without deleting the consumer (its position
 * in the stream is kept).
 */
export async function ensureDurableConsumer(jsm: JetStreamManager, spec: DurableConsumerSpec): Promise<void> {
  const editable = {
    filter_subject: spec.filterSubject,
    ack_wait: nanos(spec.ackWaitMs),
    max_deliver: -1,
    // Shared by all instances: each keeps up to INGEST_FETCH_BATCH pulled plus the groups being
    // written un-acked (the server default, 1000, would starve a second instance).
    max_ack_pending: MAX_ACK_PENDING,
  };
  try {
    await jsm.consumers.info(spec.stream, spec.durable);
    await jsm.consumers.update(spec.stream, spec.durable, editable);
    return;
  } catch (error) {
    if (!isNotFound(error, JetStreamApiCodes.ConsumerNotFound)) {
      throw error;
    }
  }
  await jsm.consumers.add(spec.stream, {
    durable_name: spec.durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
    ...editable,
  });
}
