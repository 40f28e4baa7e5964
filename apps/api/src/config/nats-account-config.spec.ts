import { createAccount, createUser } from '@nats-io/nkeys';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './app-config.js';

const base = { DATABASE_URL: 'postgres://localhost/x', AUTH_SECRET: 'x'.repeat(32) };
const seedOf = (key: ReturnType<typeof createAccount>) => new TextDecoder().decode(key.getSeed());

describe('NATS account config', () => {
  it('is off without a signing seed', () => {
    expect(loadConfig(base).natsAccount).toBeNull();
  });

  it('takes the signing seed and the account, defaulting the account to the signing key itself', () => {
    const account = createAccount();
    const signer = createAccount();
    expect(
      loadConfig({
        ...base,
        NATS_ACCOUNT_SIGNING_SEED: seedOf(signer),
        NATS_ACCOUNT_PUBLIC_KEY: account.getPublicKey(),
      }).natsAccount,
    ).toEqual({ accountPublicKey: account.getPublicKey(), signingSeed: seedOf(signer) });
    expect(
      loadConfig({ ...base, NATS_ACCOUNT_SIGNING_SEED: seedOf(signer) }).natsAccount?.accountPublicKey,
    ).toBe(signer.getPublicKey());
  });

  it('names a user seed or a malformed public key at boot, never their values', () => {
    const userSeed = new TextDecoder().decode(createUser().getSeed());
    const attempt = () =>
      loadConfig({ ...base, NATS_ACCOUNT_SIGNING_SEED: userSeed, NATS_ACCOUNT_PUBLIC_KEY: 'Anot-a-key' });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/NATS_ACCOUNT_SIGNING_SEED.*NATS_ACCOUNT_PUBLIC_KEY/);
    expect(attempt).not.toThrow(new RegExp(userSeed));
  });
});
