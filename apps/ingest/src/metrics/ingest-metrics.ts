import {
  createMetricsRegistry,
  Gauge,
  Histogram,
  type Registry,
  snapshotCounter,
  snapshotGauge,
} from '@fleet/service-kit/metrics';
import { streams } from '@fleet/telemetry';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { IngestConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { IOT_BRIDGE_STATUS, type IotBridgeStatusSource } from '../iot-bridge/iot-bridge-status.js';
import { NatsClient } from '../nats/nats-client.js';
import { IngestCounters } from '../telemetry/ingest-counters.js';

/** A scrape must not hang on a NATS that stopped answering; the lag series is left out instead. */
const LAG_TIMEOUT_MS = 2000;

const entries = (record: Partial<Record<string, number>>, label: string) =>
  Object.entries(record).map(([key, n]) => [{ [label]: key }, n ?? 0] as const);

/**
 * Ingest's Prometheus metrics (`GET /metrics` on the health port). The counters are read from
 * `IngestCounters` and the bridge's report at scrape time, the same numbers `/health` shows;
 * only the batch latency is observed here. Metric names: docs/architecture.md "Observability".
 */
@Injectable()
export class IngestMetrics {
  readonly registry: Registry = createMetricsRegistry('ingest');
  private readonly batchSeconds: Histogram<'outcome'>;

  constructor(
    @Inject(IngestCounters) counters: IngestCounters,
    @Inject(NatsClient) nats: NatsClient,
    @Inject(INGEST_CONFIG) config: IngestConfig,
    @Optional() @Inject(IOT_BRIDGE_STATUS) bridge?: IotBridgeStatusSource,
  ) {
    const r = this.registry;
    const now = () => counters.snapshot();
    snapshotCounter(r, {
      name: 'fleet_ingest_batches_stored_total',
      help: 'Telemetry batches committed by this process',
      read: () => now().stored,
    });
    snapshotCounter(r, {
      name: 'fleet_ingest_samples_stored_total',
      help: 'Rows (pack samples and cell snapshots) inserted by those batches',
      read: () => now().storedSamples,
    });
    snapshotCounter(r, {
      name: 'fleet_ingest_duplicates_total',
      help: 'Batches the ledger already had (redelivery, replay): acked, nothing written',
      read: () => now().duplicates,
    });
    snapshotCounter(r, {
      name: 'fleet_ingest_retried_total',
      help: 'Messages nakked for a later retry (transient database or dead-letter failure)',
      read: () => now().retried,
    });
    snapshotCounter(r, {
      name: 'fleet_ingest_rejected_total',
      help: 'Messages dead-lettered, by reason (the Fleet-Reject-Reason code)',
      labelNames: ['reason'],
      read: () => entries(now().rejected, 'reason'),
    });
    snapshotCounter(r, {
      name: 'fleet_ingest_quarantined_rows_total',
      help: 'Rows set aside in quarantined_sample; the rest of their batches was stored',
      read: () => now().quarantined,
    });
    snapshotCounter(r, {
      name: 'fleet_ingest_writes_total',
      help: 'Committed group transactions by write path (copy, merge) and batches written alone (single)',
      labelNames: ['path'],
      read: () => entries(now().writes, 'path'),
    });
    this.batchSeconds = new Histogram({
      name: 'fleet_ingest_batch_duration_seconds',
      help: 'Time to handle one group of messages: decode, resolve strings, write, refresh gaps (ack excluded)',
      labelNames: ['outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [r],
    });
    const { consumer: durable } = config.nats;
    new Gauge({
      name: 'fleet_ingest_consumer_pending_messages',
      help: 'JetStream num_pending of the telemetry durable consumer (messages not yet delivered): the ingest lag',
      labelNames: ['consumer'],
      registers: [r],
      async collect() {
        this.reset();
        const pending = await consumerPending(nats, durable);
        if (pending !== undefined) {
          this.set({ consumer: durable }, pending);
        }
      },
    });
    if (bridge) {
      snapshotCounter(r, {
        name: 'fleet_iot_bridge_forwarded_total',
        help: 'MQTT messages the IoT bridge forwarded to JetStream, by kind',
        labelNames: ['kind'],
        read: () => entries(bridge.report().forwarded, 'kind'),
      });
      snapshotCounter(r, {
        name: 'fleet_iot_bridge_rejected_total',
        help: 'MQTT messages the IoT bridge acked without forwarding, by reason',
        labelNames: ['reason'],
        read: () => entries(bridge.report().rejected, 'reason'),
      });
      snapshotGauge(r, {
        name: 'fleet_iot_bridge_connected',
        help: '1 while the bridge is connected to the MQTT broker',
        read: () => (bridge.report().connected ? 1 : 0),
      });
    }
  }

  /** Times one group; `outcome` is `ok`, or `failed` when handling threw. */
  startBatchTimer(): (outcome: 'ok' | 'failed') => void {
    const end = this.batchSeconds.startTimer();
    return (outcome) => void end({ outcome });
  }
}

async function consumerPending(nats: NatsClient, durable: string): Promise<number | undefined> {
  if (!nats.isConnected()) {
    return undefined;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    const jsm = await nats.jetstreamManager();
    const info = await Promise.race([
      jsm.consumers.info(streams.telemetry.name, durable),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), LAG_TIMEOUT_MS);
      }),
    ]);
    return info.num_pending;
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
