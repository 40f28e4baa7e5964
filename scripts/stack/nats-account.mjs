// Gateway NATS credentials in the demo (issue 8): the api signs each gateway's user JWT with an
// account signing key. A pair (the account and its signing key) is made on first start and kept
// in <data dir>/nats-account.json, so credentials issued once stay valid across restarts.
// The demo's nats-server runs without auth, so these credentials are not enforced there; the
// account key lets the route work and its JWTs be inspected (docs/access.md, "Gateway credentials").
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAccount, fromSeed } from '@nats-io/nkeys';

const text = (bytes) => new TextDecoder().decode(bytes);

function newAccountKeys() {
  const account = createAccount();
  return { accountSeed: text(account.getSeed()), signingSeed: text(createAccount().getSeed()) };
}

/** The api's NATS_ACCOUNT_* environment: the caller's when set, else the data dir's pair. */
export function natsAccountEnv(dataDir) {
  if (process.env.NATS_ACCOUNT_SIGNING_SEED) {
    return {};
  }
  const file = join(dataDir, 'nats-account.json');
  if (!existsSync(file)) {
    writeFileSync(file, JSON.stringify(newAccountKeys()), { mode: 0o600 });
  }
  const keys = JSON.parse(readFileSync(file, 'utf8'));
  return {
    NATS_ACCOUNT_SIGNING_SEED: keys.signingSeed,
    NATS_ACCOUNT_PUBLIC_KEY: fromSeed(new TextEncoder().encode(keys.accountSeed)).getPublicKey(),
  };
}
