import { Module } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';
import { BRIDGE_JETSTREAM, NatsBridgeJetStream } from './bridge-jetstream.js';
import { IotBridgeConsumer } from './iot-bridge.consumer.js';
import { IotBridgeService } from './iot-bridge.service.js';

/**
 * MQTT (AWS IoT Core, or Mosquitto in tests) → JetStream, so both uplinks land in one stream.
 * Imported only when IOT_BRIDGE_URL is set. Its own NATS connection: bridge publishes do not
 * queue behind the telemetry consumer's acks, and its drain runs after the MQTT side stopped.
 */
@Module({
  providers: [
    NatsClient,
    { provide: BRIDGE_JETSTREAM, useClass: NatsBridgeJetStream },
    IotBridgeService,
    IotBridgeConsumer,
  ],
})
export class IotBridgeModule {}
