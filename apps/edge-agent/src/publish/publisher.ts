import type { OutboundEnvelope } from './outbound-envelope.js';

/**
 * Hands one batch (telemetry or events) to the cloud. Resolves only once the broker has taken
 * responsibility for it (JetStream PubAck); rejects otherwise, and the caller retries with the
 * same envelope (and so the same dedupe id). Implementations: NATS JetStream now, AWS IoT Core
 * (MQTT5) later.
 */
export interface Publisher {
  publish(envelope: OutboundEnvelope): Promise<void>;
}
