import { createHash } from 'node:crypto';
import { claimCodeFromDigest, enrolmentProofMessage } from '@fleet/telemetry';
import { createAccount, createUser, type KeyPair } from '@nats-io/nkeys';
import { describe, expect, it } from 'vitest';
import { verifyEnrolmentProof } from './verify-enrolment-proof.js';

const now = new Date('2027-01-10T12:00:00.000Z');
const codeOf = (publicKey: string) => claimCodeFromDigest(createHash('sha256').update(publicKey).digest());

function signed(key: KeyPair, over: Partial<Record<'claimCode' | 'publicKey' | 'signedAt', string>> = {}) {
  const publicKey = over.publicKey ?? key.getPublicKey();
  const claimCode = over.claimCode ?? codeOf(publicKey);
  const signedAt = over.signedAt ?? now.toISOString();
  const message = new TextEncoder().encode(enrolmentProofMessage(claimCode, publicKey, signedAt));
  return { claimCode, publicKey, signedAt, proof: Buffer.from(key.sign(message)).toString('base64url') };
}

describe('verifyEnrolmentProof', () => {
  const key = createUser();

  it("accepts the key's own signature over its own code", () => {
    const body = signed(key);
    expect(verifyEnrolmentProof(body, now)).toEqual({ ok: true, code: body.claimCode });
  });

  it("refuses another key's signature, another key's code, and a non-user key", () => {
    const other = createUser();
    const forged = { ...signed(other), publicKey: key.getPublicKey(), claimCode: codeOf(key.getPublicKey()) };
    expect(verifyEnrolmentProof(forged, now)).toMatchObject({ ok: false, field: 'proof' });
    const foreignCode = signed(key, { claimCode: codeOf(other.getPublicKey()) });
    expect(verifyEnrolmentProof(foreignCode, now)).toMatchObject({ ok: false, field: 'claimCode' });
    const account = createAccount();
    expect(verifyEnrolmentProof(signed(account), now)).toMatchObject({ ok: false, field: 'publicKey' });
    expect(verifyEnrolmentProof({ ...signed(key), publicKey: 'Unot-a-key' }, now)).toMatchObject({
      ok: false,
      field: 'publicKey',
    });
  });

  it('refuses a proof signed more than ten minutes from now, and garbage as a signature', () => {
    const old = signed(key, { signedAt: new Date(now.getTime() - 11 * 60_000).toISOString() });
    expect(verifyEnrolmentProof(old, now)).toMatchObject({ ok: false, field: 'signedAt' });
    const recent = signed(key, { signedAt: new Date(now.getTime() - 9 * 60_000).toISOString() });
    expect(verifyEnrolmentProof(recent, now).ok).toBe(true);
    expect(verifyEnrolmentProof({ ...signed(key), proof: '!!' }, now)).toMatchObject({
      ok: false,
      field: 'proof',
    });
  });
});
