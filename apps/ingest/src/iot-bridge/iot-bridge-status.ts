import type { BridgedKind } from './topic-subject.js';

/** Why the bridge acked a message without forwarding it (closed set, counted on /health). */
export type BridgeRejectReason =
  /** Not `bms/v1/<tlm|evt|hb>/<gatewayId>`; the broker's policy should never deliver one. */
  | 'unmapped-topic'
  /** A heartbeat that is not a JSON object (nobody downstream dead-letters heartbeats). */
  | 'invalid-heartbeat'
  /** A heartbeat whose `gatewayId` is not the topic's (the policy checks only the topic). */
  | 'gateway-mismatch';

export interface IotBridgeCounters {
  /** Stored (or deduplicated) by JetStream, by topic kind. */
  forwarded: Record<BridgedKind, number>;
  duplicates: number;
  rejected: Partial<Record<BridgeRejectReason, number>>;
  /** JetStream publishes that failed and were retried. */
  retries: number;
}

/** The bridge as ingest's /health reports it. */
export interface IotBridgeReport extends IotBridgeCounters {
  connected: boolean;
  /** Connections after the first. */
  reconnects: number;
  /** Times the connection was lost. */
  disconnects: number;
}

export interface IotBridgeStatusSource {
  report(): IotBridgeReport;
}

/** Provided only when the bridge runs (IOT_BRIDGE_URL); HealthService injects it as optional. */
export const IOT_BRIDGE_STATUS = Symbol('IOT_BRIDGE_STATUS');
