import { subjects } from '@fleet/telemetry';

/** The NATS permissions of one gateway's user: publish and subscribe allow-lists, reply rights. */
export interface GatewayPermissions {
  pub: { allow: string[] };
  sub: { allow: string[] };
  /** Lets the agent answer a command request once, on the requester's reply subject. */
  resp: { max: number; ttl: number };
}

/** The inbox prefix a gateway must connect with (nats.js `inboxPrefix`): its replies land only there. */
export function gatewayInboxPrefix(gatewayId: string): string {
  return `_INBOX.${gatewayId}`;
}

/**
 * A gateway may publish only under its own id (ARCHITECTURE.md, Identity): its telemetry, events
 * and heartbeats. It may subscribe to its own command subjects and to replies under its own inbox
 * prefix (JetStream publish acks) — not `_INBOX.>`, which would let it read every reply in the
 * account, other tenants' command replies included.
 */
export function gatewayPermissions(gatewayId: string): GatewayPermissions {
  return {
    pub: {
      allow: [subjects.telemetry(gatewayId), subjects.events(gatewayId), subjects.heartbeat(gatewayId)],
    },
    sub: { allow: [subjects.command(gatewayId, '>'), `${gatewayInboxPrefix(gatewayId)}.>`] },
    resp: { max: 1, ttl: 0 },
  };
}
