import { updateCheckMessage } from '@fleet/telemetry';
import type { KeyPair } from '@nats-io/nkeys';

/** The query of `GET /api/gateways/{id}/update`, signed now (or at `signedAt`) with the gateway's key. */
export function updateCheckQuery(
  gatewayId: string,
  key: KeyPair,
  signedAt = new Date().toISOString(),
): string {
  const publicKey = key.getPublicKey();
  const message = new TextEncoder().encode(updateCheckMessage(gatewayId, publicKey, signedAt));
  const proof = Buffer.from(key.sign(message)).toString('base64url');
  return new URLSearchParams({ publicKey, signedAt, proof }).toString();
}
