import { createAccount, createOperator } from '@nats-io/jwt';
import { describe, expect, it } from 'vitest';
import { natsAccountJwt } from './nats-account-jwt.js';

const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));

describe('natsAccountJwt', () => {
  it('enables JetStream for the account and carries signing keys and revocations', async () => {
    const operator = createOperator();
    const account = createAccount();
    const signer = createAccount();
    const jwt = await natsAccountJwt({
      name: 'FLEET',
      account,
      operatorSeed: new TextDecoder().decode(operator.getSeed()),
      signingKeys: [signer.getPublicKey()],
      revoked: [{ userPublicKey: 'UREVOKED', revokedAt: new Date(1_700_000_000_500) }],
    });
    const { iss, sub, nats } = claims(jwt);
    expect(iss).toBe(operator.getPublicKey());
    expect(sub).toBe(account.getPublicKey());
    // An account JWT without JetStream limits has no JetStream on an operator-mode cluster.
    expect(nats.limits).toMatchObject({
      mem_storage: -1,
      disk_storage: -1,
      streams: -1,
      consumer: -1,
      conn: -1,
    });
    expect(nats.signing_keys).toEqual([signer.getPublicKey()]);
    expect(nats.revocations).toEqual({ UREVOKED: 1_700_000_001 });
  });
});
