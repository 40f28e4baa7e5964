import { GatewayCredentialRepository } from '@fleet/db';
import { testDatabaseTargets } from '@fleet/db/testing';
import { createUser as createNatsUser, encodeUser, fmtCreds } from '@nats-io/jwt';
import {
  connect,
  credsAuthenticator,
  type NatsConnection,
  PermissionViolationError,
} from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { useGatewayApi } from './gateway-api-fixture.js';
import type { OperatorNats } from './operator-nats.js';

// Issue 8: gateway NATS credentials against a real nats-server in operator (JWT) mode. A gateway
// with issued creds may publish its own subjects and nothing else; a rotation revokes the old key,
// and once the account JWT with that revocation is on the server, the old creds no longer connect.

const targets = await testDatabaseTargets();

describe.each(targets)('gateway NATS credentials on $name', (target) => {
  const api = useGatewayApi(target);

  it("lets a gateway publish its own subjects and refuses another gateway's", async () => {
    const issued = await api.issue('gw-alpha');
    const monitor = await monitorConnection(api.nats);
    const seen = monitor.subscribe('bms.v1.>');
    await monitor.flush();
    const gw = await api.gatewayConnection(issued);
    const statuses = gw.status()[Symbol.asyncIterator]();
    gw.publish('bms.v1.tlm.gw-beta', 'forged');
    gw.publish('bms.v1.tlm.gw-alpha', 'own');
    await gw.flush();
    // One publisher's messages arrive in order: had the forged one passed, it would come first.
    const first = (await seen[Symbol.asyncIterator]().next()).value;
    expect({ subject: first?.subject, data: first?.string() }).toEqual({
      subject: 'bms.v1.tlm.gw-alpha',
      data: 'own',
    });
    let status = await statuses.next();
    while (status.value?.type !== 'error') {
      status = await statuses.next();
    }
    const error = (status.value as { error: Error }).error;
    expect(error).toBeInstanceOf(PermissionViolationError);
    expect(error).toMatchObject({ operation: 'publish', subject: 'bms.v1.tlm.gw-beta' });
    await gw.close();
    await monitor.close();
  });

  it('rotates: the old key is revoked, and once that is on the server the old creds no longer connect', async () => {
    const before = await api.issue('gw-beta');
    const after = await api.issue('gw-beta');
    expect(after.revokedKeys).toEqual([before.userPublicKey]);
    const revoked = await new GatewayCredentialRepository(api.pool).revokedKeys();
    expect(revoked.map((r) => r.userPublicKey)).toContain(before.userPublicKey);
    expect(revoked.map((r) => r.userPublicKey)).not.toContain(after.userPublicKey);
    await api.nats.pushRevocations(revoked);
    await expect(api.gatewayConnection(before)).rejects.toThrow(/authorization/i);
    const fresh = await api.gatewayConnection(after);
    await fresh.flush();
    await fresh.close();
    // Only public keys are stored: no column holds the seed or the JWT.
    const { rows } = await api.pool.query('SELECT * FROM gateway_credential WHERE gateway_id = $1', [
      'gw-beta',
    ]);
    expect(rows).toHaveLength(2);
    const stored = JSON.stringify(rows);
    const seedOf = (creds: string) => /SU[A-Z2-7]{56}/.exec(creds)?.[0] ?? 'missing';
    expect(stored).not.toContain(seedOf(after.creds));
    expect(stored).not.toContain(after.creds.split('\n')[1] ?? 'missing');
  });

  it('refuses another organisation: 404 on the credentials, 409 on a taken gateway id, nothing stored', async () => {
    const count = async () =>
      (await api.pool.query('SELECT count(*)::int AS n FROM gateway_credential')).rows[0].n;
    const n = await count();
    expect((await api.call('POST', '/gateways/gw-alpha/credentials', api.tokens.b)).status).toBe(404);
    expect((await api.call('GET', `/sites/${api.siteId}/gateways`, api.tokens.b)).status).toBe(404);
    const ownSite = (await (
      await api.call('POST', '/sites', api.tokens.b, { name: 'B site', timezone: 'UTC' })
    ).json()) as { id: string };
    const taken = await api.call('POST', `/sites/${ownSite.id}/gateways`, api.tokens.b, {
      id: 'gw-alpha',
      name: 'x',
    });
    expect(taken.status).toBe(409);
    expect(await count()).toBe(n);
    const listed = (await (await api.call('GET', `/sites/${api.siteId}/gateways`, api.tokens.a)).json()) as {
      id: string;
      credentialsIssuedAt: string | null;
    }[];
    expect(listed.map((g) => [g.id, g.credentialsIssuedAt !== null])).toEqual([
      ['gw-alpha', true],
      ['gw-beta', true],
    ]);
  });
});

/** A cloud-side user of the same account with default (full) permissions, to watch what arrives. */
async function monitorConnection(nats: OperatorNats): Promise<NatsConnection> {
  const user = createNatsUser();
  const jwt = await encodeUser('monitor', user, nats.account.getPublicKey(), {}, { signer: nats.signingKey });
  return connect({ servers: nats.url, authenticator: credsAuthenticator(fmtCreds(jwt, user)) });
}
