// Commands over MQTT5 (AWS IoT Core): requests arrive QoS 1 on `bms/v1/cmd/<gatewayId>/<verb>`
// (subscribed as `bms/v1/cmd/<gatewayId>/#`, so a dotted verb mirrored `.` → `/` —
// `…/plan/get` — and the literal `…/plan.get` both work); the reply is published QoS 1 to the
// request's MQTT5 responseTopic with its correlationData, if that topic is one the policy lets
// this gateway publish to (reply-topic.ts). Loads aws-crt: import only on the IoT Core uplink.
import { subjects } from '@fleet/telemetry';
import { mqtt5 } from 'aws-iot-device-sdk-v2';
import type { Logger } from '../logger.js';
import type { MqttSessionPort } from '../publish/mqtt/iot-core-connection.js';
import { topicOfSubject } from '../publish/mqtt/mqtt-topic.js';
import { payloadBytes } from '../publish/mqtt/payload-bytes.js';
import { pubackOutcome } from '../publish/mqtt/puback-outcome.js';
import { withTimeout } from '../publish/mqtt/with-timeout.js';
import type { CommandRequest, CommandTransport, ReplyOutcome } from './command-transport.js';
import { isAllowedReplyTopic } from './reply-topic.js';

export class MqttCommandTransport implements CommandTransport {
  readonly source: string;
  private readonly prefix: string;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly gatewayId: string,
    private readonly session: MqttSessionPort,
    private readonly logger: Logger,
    private readonly ackTimeoutMs = 10_000,
  ) {
    this.prefix = topicOfSubject(subjects.command(gatewayId, ''));
    this.source = `${this.prefix}#`;
  }

  async serve(onRequest: (request: CommandRequest) => Promise<void>, signal: AbortSignal): Promise<void> {
    if (signal.aborted) {
      return;
    }
    this.session.onMessage((packet) => {
      if (signal.aborted || !packet.topicName.startsWith(this.prefix)) {
        return;
      }
      const request = this.request(packet);
      // One at a time, in arrival order, as on NATS.
      this.queue = this.queue.then(() => onRequest(request)).catch(() => undefined);
    });
    this.session.onConnect(() => void this.subscribe());
    await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
    await this.queue;
  }

  private request(packet: mqtt5.PublishPacket): CommandRequest {
    return {
      verb: packet.topicName.slice(this.prefix.length).replaceAll('/', '.'),
      data: payloadBytes(packet.payload),
      respond: (reply) => this.respond(packet, reply),
    };
  }

  private async respond(request: mqtt5.PublishPacket, reply: Uint8Array): Promise<ReplyOutcome> {
    const topic = request.responseTopic;
    if (topic === undefined || topic === '') {
      return 'no-reply-address';
    }
    if (!isAllowedReplyTopic(topic, this.gatewayId)) {
      this.logger.warn(
        { responseTopic: topic },
        'command reply not sent: response topic outside bms/v1/cmdreply/<gatewayId>/',
      );
      return 'reply-address-refused';
    }
    if (!this.session.connected) {
      return 'failed';
    }
    const result = await withTimeout(
      this.session.publish({
        topicName: topic,
        qos: mqtt5.QoS.AtLeastOnce,
        payload: reply,
        payloadFormat: mqtt5.PayloadFormatIndicator.Utf8,
        contentType: 'application/json',
        ...(request.correlationData === undefined ? {} : { correlationData: request.correlationData }),
      }),
      this.ackTimeoutMs,
      `no PUBACK for the command reply within ${this.ackTimeoutMs} ms`,
    );
    const outcome = pubackOutcome(result);
    if (!outcome.ok) {
      this.logger.warn(
        { responseTopic: topic, reason: outcome.reason },
        'command reply refused by the broker',
      );
      return 'failed';
    }
    return 'sent';
  }

  private async subscribe(): Promise<void> {
    try {
      const suback = await this.session.subscribe({
        subscriptions: [{ topicFilter: this.source, qos: mqtt5.QoS.AtLeastOnce }],
      });
      const code = suback.reasonCodes[0];
      if (code === undefined || !mqtt5.isSuccessfulSubackReasonCode(code)) {
        // IoT Core answers 135 when the policy forbids the filter; nothing will ever arrive.
        this.logger.error(
          { filter: this.source, reasonCode: code },
          'command subscription refused; check the thing policy',
        );
        return;
      }
      this.logger.info({ filter: this.source }, 'subscribed to commands');
    } catch (error) {
      // Lost the connection mid-subscribe: the next CONNACK subscribes again.
      this.logger.warn({ filter: this.source, err: (error as Error).message }, 'command subscription failed');
    }
  }
}
