// Publishes a batch to JetStream on `bms.v1.tlm.<gatewayId>` with Nats-Msg-Id =
// `<gatewayId>:<bootId>:<seq>`, and resolves on the PubAck. Retries reuse the id, so the
// stream's duplicate window absorbs a batch that was stored but whose ack was lost.
// The agent never creates streams; ingest owns them. Each publish carries a fresh W3C
// `traceparent` header, so ingest's spans (receive → decode → write) form one trace per batch.

import { newTraceparent, TRACEPARENT } from '@fleet/service-kit/tracing';
import { type JetStreamClient, jetstream } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import type { NatsConnector } from './nats-connector.js';
import { encodeOutbound, messageIdOf, type OutboundEnvelope, subjectOf } from './outbound-envelope.js';
import type { Publisher } from './publisher.js';

export class JetStreamPublisher implements Publisher {
  private client: { nc: NatsConnection; js: JetStreamClient } | undefined;

  constructor(
    private readonly connector: NatsConnector,
    private readonly ackTimeoutMs = 5000,
  ) {}

  async publish(envelope: OutboundEnvelope): Promise<void> {
    const nc = this.connector.current;
    if (nc === undefined) {
      throw new Error('not connected to NATS yet');
    }
    if (this.client?.nc !== nc) {
      this.client = { nc, js: jetstream(nc) };
    }
    const h = headers();
    h.set(TRACEPARENT, newTraceparent());
    await this.client.js.publish(subjectOf(envelope), encodeOutbound(envelope), {
      msgID: messageIdOf(envelope),
      headers: h,
      timeout: this.ackTimeoutMs,
    });
  }
}
