// The gateway's own NATS user key (issue 10): made on first start, kept in the data dir (0600),
// never sent anywhere. Its public part names the gateway's claim code; the cloud signs a user JWT
// for it once an installer claims the code, so no secret is ever copied by hand.
import { createHash } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimCodeFromDigest } from '@fleet/telemetry';
import { createUser, fromSeed, type KeyPair } from '@nats-io/nkeys';

export interface GatewayIdentity {
  key: KeyPair;
  seed: string;
  publicKey: string;
  claimCode: string;
}

export const SEED_FILE = 'gateway.nk';

export function claimCodeOf(publicKey: string): string {
  return claimCodeFromDigest(createHash('sha256').update(publicKey).digest());
}

/** Reads the key from `<dataDir>/gateway.nk`, or makes one there (owner-only) on first start. */
export function loadOrCreateIdentity(dataDir: string): GatewayIdentity {
  const file = join(dataDir, SEED_FILE);
  let seed: string;
  try {
    seed = readFileSync(file, 'utf8').trim();
    // A copied or restored file may have lost its mode: the seed is the gateway's only secret.
    if ((statSync(file).mode & 0o077) !== 0) {
      chmodSync(file, 0o600);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    seed = new TextDecoder().decode(createUser().getSeed());
    // 'wx': two processes starting together never overwrite each other's key.
    writeFileSync(file, `${seed}\n`, { mode: 0o600, flag: 'wx' });
  }
  const key = fromSeed(new TextEncoder().encode(seed));
  const publicKey = key.getPublicKey();
  if (!publicKey.startsWith('U')) {
    throw new Error(`${file} does not hold a NATS user seed (SU…)`);
  }
  return { key, seed, publicKey, claimCode: claimCodeOf(publicKey) };
}
