import type { TelemetryEnvelope } from '@fleet/telemetry';

/**
 * Hands one telemetry batch to the cloud. Resolves only once the broker has taken
 * responsibility for it (JetStream PubAck); rejects otherwise, and the caller retries with the
 * same envelope (and so the same dedupe id). Implementations: NATS JetStream now, AWS IoT Core
 * (MQTT5) later.
 */
export interface Publisher {
  publish(envelope: TelemetryEnvelope): Promise<void>;
}
