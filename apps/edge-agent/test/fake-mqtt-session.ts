// A stand-in for IotCoreConnection in small tests: records what is published and subscribed,
// answers PUBACK/SUBACK with the codes it is told, and delivers PUBLISH packets on demand.
import type { mqtt5 } from 'aws-iot-device-sdk-v2';
import type { MqttLinkCounters, MqttSessionPort } from '../src/publish/mqtt/iot-core-connection.js';

export class FakeMqttSession implements MqttSessionPort {
  readonly published: mqtt5.PublishPacket[] = [];
  readonly subscribed: mqtt5.SubscribePacket[] = [];
  readonly linkCounters: MqttLinkCounters = { connects: 0, reconnects: 0, disconnects: 0, failedAttempts: 0 };
  pubackCode = 0;
  subackCode = 1;
  connected = false;
  private readonly messageListeners: ((packet: mqtt5.PublishPacket) => void)[] = [];
  private readonly connectListeners: (() => void)[] = [];

  async publish(packet: mqtt5.PublishPacket): Promise<mqtt5.PublishCompletionResult> {
    this.published.push(packet);
    return { type: 4, reasonCode: this.pubackCode };
  }

  async subscribe(packet: mqtt5.SubscribePacket): Promise<mqtt5.SubackPacket> {
    this.subscribed.push(packet);
    return { type: 9, reasonCodes: packet.subscriptions.map(() => this.subackCode) };
  }

  onMessage(listener: (packet: mqtt5.PublishPacket) => void): void {
    this.messageListeners.push(listener);
  }

  onConnect(listener: () => void): void {
    this.connectListeners.push(listener);
    if (this.connected) {
      listener();
    }
  }

  connect(): void {
    this.connected = true;
    this.linkCounters.connects += 1;
    this.linkCounters.reconnects = this.linkCounters.connects - 1;
    for (const listener of this.connectListeners) {
      listener();
    }
  }

  disconnect(): void {
    this.connected = false;
    this.linkCounters.disconnects += 1;
  }

  deliver(packet: mqtt5.PublishPacket): void {
    for (const listener of this.messageListeners) {
      listener(packet);
    }
  }
}
