import { Inject, Injectable } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';
import { IngestCounters, type IngestCountersSnapshot } from '../telemetry/ingest-counters.js';
import { TelemetryConsumer } from '../telemetry/telemetry.consumer.js';

export interface HealthReport {
  status: 'ok' | 'unavailable';
  consuming: boolean;
  natsConnected: boolean;
  counters: IngestCountersSnapshot;
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(TelemetryConsumer) private readonly consumer: TelemetryConsumer,
    @Inject(NatsClient) private readonly nats: NatsClient,
    @Inject(IngestCounters) private readonly counters: IngestCounters,
  ) {}

  report(): HealthReport {
    const consuming = this.consumer.isRunning();
    const natsConnected = this.nats.isConnected();
    return {
      status: consuming && natsConnected ? 'ok' : 'unavailable',
      consuming,
      natsConnected,
      counters: this.counters.snapshot(),
    };
  }
}
