// Publishes a batch to AWS IoT Core on `bms/v1/tlm/<gatewayId>` (events: `bms/v1/evt/…`) with QoS 1, and resolves only on
// a successful PUBACK. The dedupe id `<gatewayId>:<bootId>:<seq>` travels as the MQTT5 user
// property `Nats-Msg-Id`, which the cloud's iot-bridge turns into the JetStream header, so a
// batch resent after a lost PUBACK is dropped by the stream exactly as on the NATS uplink.
import { newTraceparent, TRACEPARENT } from '@fleet/service-kit/tracing';
import { mqtt5 } from 'aws-iot-device-sdk-v2';
import type { Logger } from '../../logger.js';
import { encodeOutbound, messageIdOf, type OutboundEnvelope, subjectOf } from '../outbound-envelope.js';
import { PublishRefusedError } from '../publish-refused.error.js';
import type { Publisher } from '../publisher.js';
import type { MqttPublishPort } from './iot-core-connection.js';
import { topicOfSubject } from './mqtt-topic.js';
import { pubackOutcome } from './puback-outcome.js';
import { withTimeout } from './with-timeout.js';

/** AWS IoT Core refuses payloads above 128 KB (service quota "Message size"). */
export const IOT_CORE_MAX_PAYLOAD_BYTES = 128 * 1024;

export const MSG_ID_PROPERTY = 'Nats-Msg-Id';

export interface IotCorePublisherCounters {
  published: number;
  /** PUBACKs that said no, by reason code. */
  refused: Record<number, number>;
}

export class IotCorePublisher implements Publisher {
  readonly counters: IotCorePublisherCounters = { published: 0, refused: {} };

  constructor(
    private readonly connection: MqttPublishPort,
    private readonly logger: Logger,
    private readonly ackTimeoutMs = 10_000,
  ) {}

  async publish(envelope: OutboundEnvelope): Promise<void> {
    const payload = encodeOutbound(envelope);
    if (payload.byteLength > IOT_CORE_MAX_PAYLOAD_BYTES) {
      // Retrying cannot help; the batch is kept (see PublishRefusedError) and logged loudly.
      throw this.refused(envelope, -1, true, `payload ${payload.byteLength} B exceeds IoT Core's 128 KB`);
    }
    if (!this.connection.connected) {
      throw new Error('not connected to IoT Core yet');
    }
    const result = await withTimeout(
      this.connection.publish({
        topicName: topicOfSubject(subjectOf(envelope)),
        qos: mqtt5.QoS.AtLeastOnce,
        payload,
        payloadFormat: mqtt5.PayloadFormatIndicator.Utf8,
        contentType: 'application/json',
        // traceparent: the iot-bridge passes it on as the NATS header, as the NATS uplink sends it.
        userProperties: [
          { name: MSG_ID_PROPERTY, value: messageIdOf(envelope) },
          { name: TRACEPARENT, value: newTraceparent() },
        ],
      }),
      this.ackTimeoutMs,
      `no PUBACK within ${this.ackTimeoutMs} ms`,
    );
    const outcome = pubackOutcome(result);
    if (!outcome.ok) {
      throw this.refused(envelope, outcome.reasonCode, outcome.permanent, outcome.reason);
    }
    this.counters.published += 1;
  }

  private refused(
    envelope: OutboundEnvelope,
    reasonCode: number,
    permanent: boolean,
    reason: string,
  ): PublishRefusedError {
    const count = (this.counters.refused[reasonCode] ?? 0) + 1;
    this.counters.refused[reasonCode] = count;
    if (count % 20 === 1) {
      const log = { seq: envelope.seq, reasonCode, permanent, refusals: count, reason };
      if (permanent) {
        this.logger.error(
          log,
          'IoT Core refused the batch; check the thing policy and certificate (batch kept)',
        );
      } else {
        this.logger.warn(log, 'IoT Core refused the batch for now; it will be retried');
      }
    }
    return new PublishRefusedError(`IoT Core refused the batch: ${reason}`, reasonCode, permanent);
  }
}
