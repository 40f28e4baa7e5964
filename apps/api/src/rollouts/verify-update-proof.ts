import { updateCheckMessage } from '@fleet/telemetry';
import { fromPublic } from '@nats-io/nkeys';
import { PROOF_MAX_SKEW_MS } from '../claims/verify-enrolment-proof.js';

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
  let key: ReturnType<typeof fromPublic>;
  try {
    key = fromPublic(input.publicKey);
  } catch {
    return { ok: false, message: 'publicKey is not a NATS public key' };
  }
  if (!input.publicKey.startsWith('U')) {
    return { ok: false, message: 'publicKey must be a NATS user key (U…)' };
  }
  const signedAt = Date.parse(input.signedAt);
  if (Number.isNaN(signedAt) || Math.abs(signedAt - now.getTime()) > PROOF_MAX_SKEW_MS) {
    return { ok: false, message: 'signedAt must be the signing time, within 10 minutes of now' };
  }
  const message = new TextEncoder().encode(updateCheckMessage(gatewayId, input.publicKey, input.signedAt));
  try {
    if (key.verify(message, Buffer.from(input.proof, 'base64url'))) {
      return { ok: true };
    }
  } catch {
    // A proof of the wrong length: the same answer as a wrong signature.
  }
  return { ok: false, message: 'proof is not a valid signature' };
}
