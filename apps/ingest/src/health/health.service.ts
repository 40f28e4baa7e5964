import { Inject, Injectable, Optional } from '@nestjs/common';
import {
  IOT_BRIDGE_STATUS,
  type IotBridgeReport,
  type IotBridgeStatusSource,
} from '../iot-bridge/iot-bridge-status.js';
import { NatsClient } from '../nats/nats-client.js';
import { IngestCounters, type IngestCountersSnapshot } from '../telemetry/ingest-counters.js';
import { TelemetryConsumer } from '../telemetry/telemetry.consumer.js';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  consuming: boolean;
  natsConnected: boolean;
  counters: IngestCountersSnapshot;
  /**
   * Only with IOT_BRIDGE_URL: link and counters of the MQTT → JetStream bridge. Informational:
   * a bridge that is down does not make ingest unhealthy (NATS gateways still flow).
   */
  iotBridge?: IotBridgeReport;
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(TelemetryConsumer) private readonly consumer: TelemetryConsumer,
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(IngestCounters) private readonly counters: IngestCounters,
    @Optional() @Inject(IOT_BRIDGE_STATUS) private readonly bridge?: IotBridgeStatusSource,
  ) {}

  report(): HealthReport {
    const consuming = this.consumer.isRunning();
    const natsConnected = this.nats.isConnected();
    return {
      status: consuming && natsConnected ? 'ok' : 'unavailable',
      consuming,
      natsConnected,
      counters: this.counters.snapshot(),
      ...(this.bridge ? { iotBridge: this.bridge.report() } : {}),
    };
  }
}
