// A cloud-side (or intruding) MQTT5 client for tests, on mqtt.js rather than the agent's SDK so
// the agent is checked against an independent client: connects with a client certificate and
// keeps every message it receives.
import { readFileSync } from 'node:fs';
import { type MtlsBroker } from '@fleet/test-kit';
import { connectAsync, type IPublishPacket, type MqttClient } from 'mqtt';

export interface Received {
  topic: string;
  payload: Buffer;
  packet: IPublishPacket;
}

export class MqttPeer {
  readonly received: Received[] = [];

  private constructor(readonly client: MqttClient) {
    client.on('message', (topic, payload, packet) => this.received.push({ topic, payload, packet }));
  }

  static async connect(broker: MtlsBroker, identity: string, clientId: string): Promise<MqttPeer> {
    const { cert, key } = broker.client(identity);
    const client = await connectAsync(broker.url, {
      protocolVersion: 5,
      clientId,
      cert: readFileSync(cert),
      key: readFileSync(key),
      ca: readFileSync(broker.caPath),
      reconnectPeriod: 0,
      connectTimeout: 10_000,
    });
    return new MqttPeer(client);
  }

  on(topicPrefix: string): Received[] {
    return this.received.filter((r) => r.topic.startsWith(topicPrefix));
  }

  async close(): Promise<void> {
    await this.client.endAsync();
  }
}
