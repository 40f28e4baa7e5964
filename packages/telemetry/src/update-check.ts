/**
 * What a gateway signs with its NATS user key to ask whether an agent update is offered to it
 * (`GET /api/gateways/{id}/update`, issue 11): its id, its public key and the time it signed, so
 * a captured proof names one gateway and goes stale.
 */
export function updateCheckMessage(gatewayId: string, publicKey: string, signedAt: string): string {
  return `fleet-update-check/1\n${gatewayId}\n${publicKey}\n${signedAt}`;
}
