import { fromPublic, fromSeed } from '@nats-io/nkeys';
import { z } from 'zod';

// Environment of gateway NATS credentials (issue 8). The API signs each gateway's user JWT with an
// account signing key; the account JWT (signed by the operator, outside the API) lists that key.
// Parsed with the rest of the environment by loadConfig, so a bad key is named at boot.

function nkey(kind: 'seed' | 'public', prefix: string, message: string) {
  return z
    .string()
    .trim()
    .optional()
    .refine((value) => value === undefined || value === '' || validKey(kind, prefix, value), message);
}

function validKey(kind: 'seed' | 'public', prefix: string, value: string): boolean {
  try {
    const key =
      kind === 'seed'
        ? fromSeed(new TextEncoder().encode(value)).getPublicKey()
        : fromPublic(value).getPublicKey();
    return key.startsWith(prefix);
  } catch {
    return false;
  }
}

export const natsAccountEnvSchema = {
  /** Seed (`SA…`) of the account signing key that signs gateway user JWTs; unset: no credentials route. */
  NATS_ACCOUNT_SIGNING_SEED: nkey('seed', 'A', 'must be an account nkey seed (SA…)'),
  /** The account (`A…`) the signing key belongs to; defaults to the signing seed's own public key. */
  NATS_ACCOUNT_PUBLIC_KEY: nkey('public', 'A', 'must be an account public nkey (A…)'),
};

export interface NatsAccountConfig {
  /** Account public key: the `issuer_account` of every user JWT. */
  accountPublicKey: string;
  /** Seed of the signing key; never logged. */
  signingSeed: string;
}

export function natsAccountConfigOf(e: {
  NATS_ACCOUNT_SIGNING_SEED?: string | undefined;
  NATS_ACCOUNT_PUBLIC_KEY?: string | undefined;
}): NatsAccountConfig | null {
  const seed = e.NATS_ACCOUNT_SIGNING_SEED;
  if (!seed) {
    return null;
  }
  const signer = fromSeed(new TextEncoder().encode(seed)).getPublicKey();
  return { accountPublicKey: e.NATS_ACCOUNT_PUBLIC_KEY || signer, signingSeed: seed };
}
