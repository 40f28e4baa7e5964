import { Module } from '@nestjs/common';
import { HealthController } from '../health/health.controller.js';
import { HealthService } from '../health/health.service.js';
import { ReadinessService } from '../health/readiness.service.js';
import { IngestMetrics } from '../metrics/ingest-metrics.js';
import { NatsClient } from '../nats/nats-client.js';
import { DeadLetterPublisher } from './dead-letter.publisher.js';
import { IngestCounters } from './ingest-counters.js';
import { PartitionMaintenanceService } from './partition-maintenance.service.js';
import { TelemetryConsumer } from './telemetry.consumer.js';
import { TelemetryIngestService } from './telemetry-ingest.service.js';
import { TelemetryRejecter } from './telemetry-rejecter.js';

@Module({
  controllers: [HealthController],
  providers: [
    NatsClient,
    DeadLetterPublisher,
    IngestCounters,
    TelemetryRejecter,
    TelemetryIngestService,
    TelemetryConsumer,
    PartitionMaintenanceService,
    HealthService,
    ReadinessService,
    IngestMetrics,
  ],
})
export class TelemetryModule {}
