import { isGatewayId } from '@fleet/telemetry';

/** The kinds a gateway publishes over MQTT; each maps to one JetStream stream. */
export const BRIDGED_KINDS = ['tlm', 'evt', 'hb'] as const;
export type BridgedKind = (typeof BRIDGED_KINDS)[number];

export interface BridgedTopic {
  kind: BridgedKind;
  gatewayId: string;
  /** The NATS subject the topic mirrors (`/` → `.`). */
  subject: string;
}

/**
 * `bms/v1/<kind>/<gatewayId>` → `bms.v1.<kind>.<gatewayId>`, or undefined for any other topic
 * (the broker's policy should never deliver one; if it does, the bridge counts and drops it).
 */
export function bridgedTopic(topic: string): BridgedTopic | undefined {
  const parts = topic.split('/');
  const [bms, version, kind, gatewayId] = parts;
  if (parts.length !== 4 || bms !== 'bms' || version !== 'v1' || gatewayId === undefined) {
    return undefined;
  }
  if (!(BRIDGED_KINDS as readonly string[]).includes(kind ?? '') || !isGatewayId(gatewayId)) {
    return undefined;
  }
  return { kind: kind as BridgedKind, gatewayId, subject: parts.join('.') };
}

/** What the bridge subscribes to: one shared subscription per kind, split between bridge instances. */
export function bridgeSubscriptions(group: string): string[] {
  return BRIDGED_KINDS.map((kind) => `$share/${group}/bms/v1/${kind}/+`);
}
