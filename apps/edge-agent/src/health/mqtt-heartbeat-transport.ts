// Heartbeats over MQTT5 (AWS IoT Core) on `bms/v1/hb/<gatewayId>`, QoS 1 so a policy refusal
// (PUBACK 135) is seen and counted. Never sent while disconnected: the SDK would queue QoS 1
// publishes and flush a pile of stale beats on reconnect. Link quality comes from the
// connection's own counters; MQTT has no RTT probe the SDK exposes, so rttMs is null.
// Loads aws-crt: import only on the IoT Core uplink.
import { subjects } from '@fleet/telemetry';
import { mqtt5 } from 'aws-iot-device-sdk-v2';
import type { MqttSessionPort } from '../publish/mqtt/iot-core-connection.js';
import { topicOfSubject } from '../publish/mqtt/mqtt-topic.js';
import { pubackOutcome } from '../publish/mqtt/puback-outcome.js';
import { withTimeout } from '../publish/mqtt/with-timeout.js';
import type { HeartbeatTransport, LinkState } from './heartbeat-transport.js';

export class MqttHeartbeatTransport implements HeartbeatTransport {
  constructor(
    private readonly session: MqttSessionPort,
    private readonly ackTimeoutMs = 10_000,
  ) {}

  async link(): Promise<LinkState> {
    const { reconnects, disconnects } = this.session.linkCounters;
    return { connected: this.session.connected, rttMs: null, reconnects, disconnects };
  }

  async send(gatewayId: string, body: Uint8Array): Promise<void> {
    if (!this.session.connected) {
      throw new Error('not connected to IoT Core');
    }
    const result = await withTimeout(
      this.session.publish({
        topicName: topicOfSubject(subjects.heartbeat(gatewayId)),
        qos: mqtt5.QoS.AtLeastOnce,
        payload: body,
        payloadFormat: mqtt5.PayloadFormatIndicator.Utf8,
        contentType: 'application/json',
      }),
      this.ackTimeoutMs,
      `no PUBACK for the heartbeat within ${this.ackTimeoutMs} ms`,
    );
    const outcome = pubackOutcome(result);
    if (!outcome.ok) {
      throw new Error(`IoT Core refused the heartbeat: ${outcome.reason}`);
    }
  }
}
