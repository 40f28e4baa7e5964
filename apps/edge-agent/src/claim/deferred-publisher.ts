// The publisher of an agent that is not claimed yet: every publish fails like a NATS outage, so
// the outbox keeps each batch in the spool and retries it. Once claimed, batches go to the real
// uplink stamped with the claimed gateway id (they were made before the agent had one), so the
// backlog read while waiting arrives under the gateway it belongs to.
import type { OutboundEnvelope } from '../publish/outbound-envelope.js';
import type { Publisher } from '../publish/publisher.js';

export class NotClaimedError extends Error {
  constructor() {
    super('not claimed yet: batches stay in the spool until an installer claims this gateway');
    this.name = 'NotClaimedError';
  }
}

export class DeferredPublisher implements Publisher {
  private target: { publisher: Publisher; gatewayId: string } | undefined;

  attach(publisher: Publisher, gatewayId: string): void {
    this.target = { publisher, gatewayId };
  }

  async publish(envelope: OutboundEnvelope): Promise<void> {
    if (this.target === undefined) {
      throw new NotClaimedError();
    }
    const { publisher, gatewayId } = this.target;
    await publisher.publish(envelope.gatewayId === gatewayId ? envelope : { ...envelope, gatewayId });
  }
}
