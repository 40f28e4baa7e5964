/** A gateway id is also its AWS IoT thing name and its NATS user (ARCHITECTURE.md, Identity). */
export const GATEWAY_ID_PATTERN = /^[a-z0-9-]{3,64}$/;

export function isGatewayId(value: string): boolean {
  return GATEWAY_ID_PATTERN.test(value);
}

/**
 * JetStream dedupe id of one published batch: `<gatewayId>:<bootId>:<seq>`.
 * The stream drops a second message with the same id inside its duplicate window, and
 * ingest keeps a ledger of stored ids so replays outside the window store nothing twice.
 */
export function batchMessageId(gatewayId: string, bootId: string, seq: number): string {
  return `${gatewayId}:${bootId}:${seq}`;
}
