// The seam between HeartbeatPublisher and the uplink it beats over (core NATS publish, or MQTT5
// on AWS IoT Core): the link's quality now, and one send.
import type { LinkSnapshot } from './heartbeat.js';

/** Link quality as the transport sees it; the publisher adds its own publishFailures. */
export type LinkState = Omit<LinkSnapshot, 'publishFailures'>;

export interface HeartbeatTransport {
  link(): Promise<LinkState>;
  /** Hands one heartbeat to the uplink; rejects when it could not (the publisher counts it). */
  send(gatewayId: string, body: Uint8Array): Promise<void>;
}
