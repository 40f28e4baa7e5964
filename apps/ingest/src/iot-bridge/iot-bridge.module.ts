import { Global, Module } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';
import { BRIDGE_JETSTREAM, NatsBridgeJetStream } from './bridge-jetstream.js';
import { IotBridgeConsumer } from './iot-bridge.consumer.js';
import { IotBridgeService } from './iot-bridge.service.js';
import { IOT_BRIDGE_STATUS } from './iot-bridge-status.js';

/**
 * MQTT (AWS IoT Core, or Mosquitto in tests) → JetStream, so both uplinks land in one stream.
 * Imported only when IOT_BRIDGE_URL is set. Its own NATS connection: bridge publishes do not
 * queue behind the telemetry consumer's acks, and its drain runs after the MQTT side stopped.
 * Global only to export IOT_BRIDGE_STATUS, which ingest's /health reports when present.
 */
@Global()
@Module({
  providers: [
    NatsClient,
    { provide: BRIDGE_JETSTREAM, useClass: NatsBridgeJetStream },
    IotBridgeService,
    IotBridgeConsumer,
    { provide: IOT_BRIDGE_STATUS, useExisting: IotBridgeConsumer },
  ],
  exports: [IOT_BRIDGE_STATUS],
})
export class IotBridgeModule {}
