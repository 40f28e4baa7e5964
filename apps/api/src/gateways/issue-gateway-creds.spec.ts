import { createAccount, decode, parseCreds } from '@nats-io/jwt';
import { fromPublic } from '@nats-io/nkeys';
import { describe, expect, it } from 'vitest';
import { issueGatewayCreds } from './issue-gateway-creds.js';

const account = createAccount();
const signingKey = createAccount();
const seedOf = (key: typeof signingKey) => new TextDecoder().decode(key.getSeed());

async function issue(gatewayId = 'gw-north-1') {
  return issueGatewayCreds({
    gatewayId,
    accountPublicKey: account.getPublicKey(),
    signingSeed: seedOf(signingKey),
  });
}

describe('issueGatewayCreds', () => {
  it("signs a user JWT with the signing key for the account, allowing only the gateway's own subjects", async () => {
    const sut = await issue();
    const claims = decode<Record<string, unknown>>(sut.jwt);
    expect(claims).toMatchObject({
      name: 'gw-north-1',
      sub: sut.userPublicKey,
      iss: signingKey.getPublicKey(),
      nats: {
        type: 'user',
        issuer_account: account.getPublicKey(),
        pub: { allow: ['bms.v1.tlm.gw-north-1', 'bms.v1.evt.gw-north-1', 'bms.v1.hb.gw-north-1'] },
        sub: { allow: ['bms.v1.cmd.gw-north-1.>', '_INBOX.gw-north-1.>'] },
        resp: { max: 1, ttl: 0 },
      },
    });
    expect(claims).not.toHaveProperty('exp');
    expect(sut.userPublicKey).toMatch(/^U[A-Z2-7]{55}$/);
  });

  it('carries a signature the signing key verifies, and none another key does', async () => {
    const sut = await issue();
    const [header, body, signature] = sut.jwt.split('.') as [string, string, string];
    const signed = new TextEncoder().encode(`${header}.${body}`);
    const sig = Buffer.from(signature, 'base64url');
    expect(fromPublic(signingKey.getPublicKey()).verify(signed, sig)).toBe(true);
    expect(fromPublic(account.getPublicKey()).verify(signed, sig)).toBe(false);
  });

  it('returns a .creds file holding the JWT and the new user seed, a fresh key every call', async () => {
    const sut = await issue();
    const parsed = await parseCreds(new TextEncoder().encode(sut.creds));
    expect(parsed.jwt).toBe(sut.jwt);
    expect(parsed.key).toMatch(/^SU/);
    expect(sut.creds).toContain('-----BEGIN USER NKEY SEED-----');
    expect((await issue()).userPublicKey).not.toBe(sut.userPublicKey);
  });
});
