import { Module } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';
import { EventCounters } from './event-counters.js';
import { EventIngestService } from './event-ingest.service.js';
import { EventsConsumer } from './events.consumer.js';

/** The event writer (issue 6): `bms.evt/1` batches into bms_event, compositions into bms_module. */
@Module({
  providers: [NatsClient, EventCounters, EventIngestService, EventsConsumer],
  exports: [EventCounters],
})
export class EventsModule {}
