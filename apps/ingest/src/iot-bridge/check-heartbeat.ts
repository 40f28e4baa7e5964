import type { BridgeRejectReason } from './iot-bridge-status.js';

/**
 * Heartbeats go straight to the HEARTBEAT stream with no consumer that dead-letters, so the
 * bridge checks the little it can: a JSON object naming the gateway of its topic (the IoT
 * policy ties the topic, not the payload, to the certificate). Telemetry and events are
 * forwarded as they are: ingest validates them and dead-letters the original bytes.
 */
export function checkHeartbeat(gatewayId: string, payload: Uint8Array): BridgeRejectReason | undefined {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return 'invalid-heartbeat';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return 'invalid-heartbeat';
  }
  return (body as { gatewayId?: unknown }).gatewayId === gatewayId ? undefined : 'gateway-mismatch';
}
