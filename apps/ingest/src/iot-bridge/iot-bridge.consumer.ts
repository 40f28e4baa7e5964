import { readFileSync } from 'node:fs';
import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { connect, type IPublishPacket, type MqttClient } from 'mqtt';
import type { IngestConfig, IotBridgeConfig } from '../config/ingest-config.js';
import { INGEST_CONFIG } from '../config/ingest-config.token.js';
import { LOGGER, type Logger } from '../logging/root-logger.js';
import { IotBridgeService } from './iot-bridge.service.js';
import type { IotBridgeReport, IotBridgeStatusSource } from './iot-bridge-status.js';
import { bridgeSubscriptions } from './topic-subject.js';

/** How long the broker keeps the bridge's session (and its queued QoS 1 messages) while it is away. */
const SESSION_EXPIRY_S = 24 * 60 * 60;

/**
 * The transport: an MQTT5 client (mqtt.js) with its own certificate, on shared subscriptions so
 * several ingest instances split the messages. Each QoS 1 message is PUBACKed only after
 * IotBridgeService had JetStream's PubAck (`customHandleAcks`); mqtt.js handles incoming packets
 * one at a time while an ack is pending, which is also the bridge's backpressure. A QoS 0
 * message (a device may send heartbeats so) never reaches customHandleAcks: it is forwarded
 * from the `message` event, best effort, as QoS 0 promises.
 */
@Injectable()
export class IotBridgeConsumer
  implements OnApplicationBootstrap, BeforeApplicationShutdown, IotBridgeStatusSource
{
  private client: MqttClient | undefined;
  private readonly logger: Logger;
  private readonly link = { connects: 0, disconnects: 0 };

  constructor(
    @Inject(IotBridgeService) private readonly service: IotBridgeService,
    @Inject(INGEST_CONFIG) private readonly config: IngestConfig,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.logger = logger.child({ module: 'iot-bridge' });
  }

  onApplicationBootstrap(): void {
    const bridge = this.config.iotBridge;
    if (!bridge) {
      return;
    }
    this.client = this.connect(bridge);
  }

  /** Stop retrying and drop the connection without acking what is in hand: the broker redelivers it. */
  async beforeApplicationShutdown(): Promise<void> {
    this.service.stop();
    const client = this.client;
    if (client) {
      await new Promise<void>((resolve) => client.end(true, {}, () => resolve()));
      this.logger.info({ counters: this.service.counters }, 'iot bridge stopped');
    }
  }

  isConnected(): boolean {
    return this.client?.connected ?? false;
  }

  report(): IotBridgeReport {
    return {
      connected: this.isConnected(),
      reconnects: Math.max(0, this.link.connects - 1),
      disconnects: this.link.disconnects,
      ...structuredClone(this.service.counters),
    };
  }

  private connect(bridge: IotBridgeConfig): MqttClient {
    const client = connect(bridge.url, {
      protocolVersion: 5,
      clientId: bridge.clientId,
      clean: false,
      properties: { sessionExpiryInterval: SESSION_EXPIRY_S },
      keepalive: 30,
      reconnectPeriod: 2000,
      connectTimeout: 15_000,
      cert: readFileSync(bridge.certPath),
      key: readFileSync(bridge.keyPath),
      ...(bridge.caPath ? { ca: readFileSync(bridge.caPath) } : {}),
      rejectUnauthorized: true,
      customHandleAcks: (topic: string, payload: Buffer, packet: IPublishPacket, done) => {
        void this.service
          .forward({ topic, payload, userProperties: packet.properties?.userProperties })
          .then((outcome) => {
            if (outcome !== 'abandoned') {
              done(0);
            }
          });
      },
    });
    client.on('message', (topic, payload, packet) => {
      if (packet.qos === 0) {
        void this.service.forward({ topic, payload, userProperties: packet.properties?.userProperties });
      }
    });
    client.on('connect', (connack) => {
      this.link.connects += 1;
      this.logger.info({ url: bridge.url, sessionPresent: connack.sessionPresent }, 'iot bridge connected');
      void this.subscribe(client, bridge.group);
    });
    client.on('error', (error) => this.logger.warn({ err: error.message }, 'iot bridge connection error'));
    client.on('offline', () => this.logger.warn({ url: bridge.url }, 'iot bridge offline; reconnecting'));
    client.on('close', () => {
      // 'close' also follows a failed reconnect attempt: count only the loss of a live link.
      if (this.link.connects > this.link.disconnects) {
        this.link.disconnects += 1;
      }
    });
    return client;
  }

  private async subscribe(client: MqttClient, group: string): Promise<void> {
    const topics = bridgeSubscriptions(group);
    try {
      const granted = await client.subscribeAsync(topics, { qos: 1 });
      // A policy that forbids a filter shows here (IoT Core: reason 128), not as an error.
      const refused = granted.filter((g) => g.qos > 1);
      if (refused.length > 0) {
        this.logger.error({ refused }, 'broker refused iot bridge subscriptions; check its policy');
      } else {
        this.logger.info({ topics }, 'iot bridge subscribed');
      }
    } catch (error) {
      this.logger.error({ err: error }, 'iot bridge subscribe failed');
    }
  }
}
