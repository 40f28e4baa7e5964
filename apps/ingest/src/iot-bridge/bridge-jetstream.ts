import { TRACEPARENT } from '@fleet/service-kit/tracing';
import { headers } from '@nats-io/transport-node';
import { Inject, Injectable } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';

/** JetStream publish as the bridge needs it; a seam so the service is tested without NATS. */
export interface BridgeJetStream {
  /** `traceparent`: the gateway's trace context (MQTT user property), passed on as the NATS header. */
  publish(
    subject: string,
    data: Uint8Array,
    msgId: string | undefined,
    traceparent?: string,
  ): Promise<{ duplicate: boolean }>;
}

export const BRIDGE_JETSTREAM = Symbol('BRIDGE_JETSTREAM');

/** Waits for the PubAck, so a resolved publish means the stream stored (or deduplicated) it. */
@Injectable()
export class NatsBridgeJetStream implements BridgeJetStream {
  constructor(@Inject(NatsClient) private readonly nats: NatsClient) {}

  async publish(
    subject: string,
    data: Uint8Array,
    msgId: string | undefined,
    traceparent?: string,
  ): Promise<{ duplicate: boolean }> {
    const js = await this.nats.jetstream();
    const h = traceparent ? headers() : undefined;
    h?.set(TRACEPARENT, traceparent as string);
    const ack = await js.publish(subject, data, {
      ...(msgId ? { msgID: msgId } : {}),
      ...(h ? { headers: h } : {}),
      timeout: 5000,
    });
    return { duplicate: ack.duplicate };
  }
}
