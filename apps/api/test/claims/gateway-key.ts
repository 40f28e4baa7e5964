import { createHash } from 'node:crypto';
import { claimCodeFromDigest, enrolmentProofMessage } from '@fleet/telemetry';
import { createUser, type KeyPair } from '@nats-io/nkeys';

/** A gateway's own key as the edge agent makes it on first start, and its claim code. */
export interface GatewayKey {
  user: KeyPair;
  publicKey: string;
  code: string;
}

export function newGatewayKey(): GatewayKey {
  const user = createUser();
  const publicKey = user.getPublicKey();
  return { user, publicKey, code: claimCodeFromDigest(createHash('sha256').update(publicKey).digest()) };
}

/** The body of `POST /api/enrolment/poll`, signed now (or at `signedAt`) with the key. */
export function enrolmentPoll(key: GatewayKey, signedAt = new Date().toISOString()) {
  const message = new TextEncoder().encode(enrolmentProofMessage(key.code, key.publicKey, signedAt));
  const proof = Buffer.from(key.user.sign(message)).toString('base64url');
  return { claimCode: key.code, publicKey: key.publicKey, signedAt, proof };
}
