import { createUser, encodeUser, fmtCreds, fromSeed } from '@nats-io/jwt';
import { gatewayPermissions } from './gateway-permissions.js';

export interface GatewayCreds {
  /** Public key of the new NATS user (`U…`): the only part the API stores. */
  userPublicKey: string;
  jwt: string;
  /** The `.creds` file body (JWT and user seed) the agent connects with; shown once. */
  creds: string;
}

/**
 * A fresh NATS user for a gateway: a new user key pair and a user JWT named after the gateway,
 * carrying its permissions, signed by the account signing key (issuer_account = the account).
 * No expiry: a gateway may be offline for weeks; rotation revokes the key instead.
 */
export async function issueGatewayCreds(input: {
  gatewayId: string;
  accountPublicKey: string;
  signingSeed: string;
}): Promise<GatewayCreds> {
  const user = createUser();
  const jwt = await gatewayUserJwt({ ...input, userPublicKey: user.getPublicKey() });
  return {
    userPublicKey: user.getPublicKey(),
    jwt,
    creds: new TextDecoder().decode(fmtCreds(jwt, user)),
  };
}

/**
 * The user JWT of a gateway's key: named after the gateway, its own subjects only, signed by the
 * account signing key. A claimed gateway made the key itself (issue 10), so only the public part
 * is needed and the seed never leaves the gateway.
 */
export function gatewayUserJwt(input: {
  gatewayId: string;
  userPublicKey: string;
  accountPublicKey: string;
  signingSeed: string;
}): Promise<string> {
  const signer = fromSeed(new TextEncoder().encode(input.signingSeed));
  return encodeUser(
    input.gatewayId,
    input.userPublicKey,
    input.accountPublicKey,
    { ...gatewayPermissions(input.gatewayId), bearer_token: false },
    { signer },
  );
}
