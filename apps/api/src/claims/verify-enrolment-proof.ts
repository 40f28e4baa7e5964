import { createHash } from 'node:crypto';
import { claimCodeFromDigest, enrolmentProofMessage, parseClaimCode } from '@fleet/telemetry';
import { fromPublic } from '@nats-io/nkeys';

/** How far a proof's signing time may lie from the API's clock: gateway clocks drift before NTP. */
export const PROOF_MAX_SKEW_MS = 10 * 60_000;

export type EnrolmentProofResult =
  | { ok: true; code: string }
  | { ok: false; field: 'claimCode' | 'publicKey' | 'signedAt' | 'proof'; message: string };

/**
 * Checks a gateway's enrolment poll: the code is well formed and is the hash of the presented
 * NATS user key, the signing time is recent, and the proof is that key's signature over
 * `enrolmentProofMessage`. Only the holder of the seed can pass, and only for its own code.
 */
export function verifyEnrolmentProof(
  input: { claimCode: string; publicKey: string; signedAt: string; proof: string },
  now: Date,
): EnrolmentProofResult {
  const parsed = parseClaimCode(input.claimCode);
  if (!parsed.ok) {
    return { ok: false, field: 'claimCode', message: parsed.message };
  }
  let key: ReturnType<typeof fromPublic>;
  try {
    key = fromPublic(input.publicKey);
  } catch {
    return { ok: false, field: 'publicKey', message: 'is not a NATS public key' };
  }
  if (!input.publicKey.startsWith('U')) {
    return { ok: false, field: 'publicKey', message: 'must be a NATS user key (U…)' };
  }
  const hashed = claimCodeFromDigest(createHash('sha256').update(input.publicKey).digest());
  if (hashed !== parsed.code) {
    return { ok: false, field: 'claimCode', message: 'does not belong to this key' };
  }
  const signedAt = Date.parse(input.signedAt);
  if (Number.isNaN(signedAt) || Math.abs(signedAt - now.getTime()) > PROOF_MAX_SKEW_MS) {
    return { ok: false, field: 'signedAt', message: 'must be the signing time, within 10 minutes of now' };
  }
  const message = new TextEncoder().encode(
    enrolmentProofMessage(parsed.code, input.publicKey, input.signedAt),
  );
  let valid = false;
  try {
    valid = key.verify(message, Buffer.from(input.proof, 'base64url'));
  } catch {
    valid = false;
  }
  return valid
    ? { ok: true, code: parsed.code }
    : { ok: false, field: 'proof', message: 'is not a valid signature' };
}
