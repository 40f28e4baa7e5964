import { Inject, Injectable } from '@nestjs/common';
import { NatsClient } from '../nats/nats-client.js';

/** JetStream publish as the bridge needs it; a seam so the service is tested without NATS. */
export interface BridgeJetStream {
  publish(subject: string, data: Uint8Array, msgId: string | undefined): Promise<{ duplicate: boolean }>;
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
  ): Promise<{ duplicate: boolean }> {
    const js = await this.nats.jetstream();
    const ack = await js.publish(subject, data, { ...(msgId ? { msgID: msgId } : {}), timeout: 5000 });
    return { duplicate: ack.duplicate };
  }
}
