import { encodeAccount, fromSeed, type KeyPair } from '@nats-io/jwt';

/**
 * The account JWT naming the signing key(s) the API signs gateway users with and the revoked user
 * keys. It is signed by the operator, whose key the API never holds: the process that publishes
 * account JWTs to the NATS resolver (nsc push, or `$SYS.REQ.CLAIMS.UPDATE` with a full resolver)
 * builds it from GatewayCredentialRepository.revokedKeys() (docs/access.md, "Gateway credentials").
 * The demo and the tests use it directly.
 */
export async function natsAccountJwt(input: {
  name: string;
  /** The account's own key pair (public part suffices for its identity; the operator signs). */
  account: KeyPair | string;
  operatorSeed: string;
  signingKeys: string[];
  revoked: { userPublicKey: string; revokedAt: Date }[];
}): Promise<string> {
  // NATS rejects a user JWT whose key is listed with a time at or after the JWT's iat (seconds).
  const revocations = Object.fromEntries(
    input.revoked.map((r) => [r.userPublicKey, Math.ceil(r.revokedAt.getTime() / 1000)]),
  );
  return encodeAccount(
    input.name,
    input.account,
    {
      signing_keys: input.signingKeys,
      revocations,
      // An account JWT without limits allows no connections; -1 is "unlimited" in NATS claims.
      limits: {
        conn: -1,
        subs: -1,
        data: -1,
        payload: -1,
        leaf: -1,
        imports: -1,
        exports: -1,
        wildcards: true,
        // Without JetStream limits an account has no JetStream in operator mode: the gateways'
        // streams (TELEMETRY, EVENTS, …) live in this account on the cluster (infra/nats).
        mem_storage: -1,
        disk_storage: -1,
        streams: -1,
        consumer: -1,
      },
    },
    { signer: fromSeed(new TextEncoder().encode(input.operatorSeed)) },
  );
}
