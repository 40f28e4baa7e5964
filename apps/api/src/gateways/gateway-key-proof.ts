import { fromPublic } from '@nats-io/nkeys';

/** How far a proof's signing time may lie from the API's clock: gateway clocks drift before NTP. */
export const PROOF_MAX_SKEW_MS = 10 * 60_000;

export type KeyProofFailure = { ok: false; field: 'publicKey' | 'signedAt' | 'proof'; message: string };
type GatewayKey = ReturnType<typeof fromPublic>;

/**
 * A gateway's NATS user key (`U…`) as presented in a signed request. Every gateway-signed API call
 * (enrolment poll, update check) starts here, so they accept and refuse keys alike.
 */
export function parseGatewayUserKey(publicKey: string): { ok: true; key: GatewayKey } | KeyProofFailure {
  let key: GatewayKey;
  try {
    key = fromPublic(publicKey);
  } catch {
    return { ok: false, field: 'publicKey', message: 'is not a NATS public key' };
  }
  if (!publicKey.startsWith('U')) {
    return { ok: false, field: 'publicKey', message: 'must be a NATS user key (U…)' };
  }
  return { ok: true, key };
}

/**
 * The rest of the proof: the signing time is recent and `proof` is the key's signature over
 * `message` (which names the purpose, so a proof for one call cannot be replayed to another).
 */
export function verifyKeyProof(
  key: GatewayKey,
  message: string,
  input: { signedAt: string; proof: string },
  now: Date,
): { ok: true } | KeyProofFailure {
  const signedAt = Date.parse(input.signedAt);
  if (Number.isNaN(signedAt) || Math.abs(signedAt - now.getTime()) > PROOF_MAX_SKEW_MS) {
    return { ok: false, field: 'signedAt', message: 'must be the signing time, within 10 minutes of now' };
  }
  try {
    if (key.verify(new TextEncoder().encode(message), Buffer.from(input.proof, 'base64url'))) {
      return { ok: true };
    }
  } catch {
    // A proof of the wrong length: the same answer as a wrong signature.
  }
  return { ok: false, field: 'proof', message: 'is not a valid signature' };
}
