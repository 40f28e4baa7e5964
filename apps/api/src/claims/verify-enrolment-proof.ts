import { createHash } from 'node:crypto';
import { claimCodeFromDigest, enrolmentProofMessage, parseClaimCode } from '@fleet/telemetry';
import { type KeyProofFailure, parseGatewayUserKey, verifyKeyProof } from '../gateways/gateway-key-proof.js';

export type EnrolmentProofResult =
  | { ok: true; code: string }
  | KeyProofFailure
  | { ok: false; field: 'claimCode'; message: string };

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
  const key = parseGatewayUserKey(input.publicKey);
  if (!key.ok) {
    return key;
  }
  const hashed = claimCodeFromDigest(createHash('sha256').update(input.publicKey).digest());
  if (hashed !== parsed.code) {
    return { ok: false, field: 'claimCode', message: 'does not belong to this key' };
  }
  const proof = verifyKeyProof(
    key.key,
    enrolmentProofMessage(parsed.code, input.publicKey, input.signedAt),
    input,
    now,
  );
  return proof.ok ? { ok: true, code: parsed.code } : proof;
}
