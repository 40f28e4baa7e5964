import { updateCheckMessage } from '@fleet/telemetry';
import { parseGatewayUserKey, verifyKeyProof } from '../gateways/gateway-key-proof.js';

/**
 * Checks the signature part of a gateway's update question: a NATS user key, a recent signing
 * time, and that key's signature over `updateCheckMessage`. Whether the key is the gateway's
 * active credential is the database's part (GatewayUpdateRepository.holdsActiveKey).
 */
export function verifyUpdateProof(
  gatewayId: string,
  input: { publicKey: string; signedAt: string; proof: string },
  now: Date,
): { ok: true } | { ok: false; message: string } {
  const key = parseGatewayUserKey(input.publicKey);
  const result = key.ok
    ? verifyKeyProof(key.key, updateCheckMessage(gatewayId, input.publicKey, input.signedAt), input, now)
    : key;
  return result.ok ? result : { ok: false, message: `${result.field} ${result.message}` };
}
