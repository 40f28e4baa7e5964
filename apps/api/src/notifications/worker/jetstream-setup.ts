import { type StreamDefinition, streams } from '@fleet/telemetry';
import {
  AckPolicy,
  DeliverPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';

const notFound = (error: unknown, code: number) => error instanceof JetStreamApiError && error.code === code;

/** Adds the ALARMS stream when absent (ingest owns its limits; it updates them at its start). */
export async function ensureAlarmsStream(
  jsm: JetStreamManager,
  def: StreamDefinition = streams.alarms,
): Promise<void> {
  try {
    await jsm.streams.info(def.name);
    return;
  } catch (error) {
    if (!notFound(error, JetStreamApiCodes.StreamNotFound)) {
      throw error;
    }
  }
  await jsm.streams
    .add({
      name: def.name,
      subjects: def.subjects,
      max_age: nanos(def.maxAgeMs),
      duplicate_window: nanos(def.duplicateWindowMs),
    })
    .catch(async (error: unknown) => {
      // Another process added it meanwhile.
      await jsm.streams.info(def.name).catch(() => Promise.reject(error));
    });
}

/**
 * The durable `notify` consumer. One un-acked event at a time across all workers: alarm
 * transitions are few, and this keeps seq n of an alarm from being planned before seq n-1.
 */
export async function ensureNotifyConsumer(
  jsm: JetStreamManager,
  durable: string,
  ackWaitMs: number,
): Promise<void> {
  const config = {
    filter_subject: streams.alarms.subjects[0],
    ack_wait: nanos(ackWaitMs),
    max_deliver: -1,
    max_ack_pending: 1,
  };
  try {
    await jsm.consumers.info(streams.alarms.name, durable);
    await jsm.consumers.update(streams.alarms.name, durable, config);
  } catch (error) {
    if (!notFound(error, JetStreamApiCodes.ConsumerNotFound)) {
      throw error;
    }
    await jsm.consumers.add(streams.alarms.name, {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...config,
    });
  }
}
