import { testDatabaseTargets } from '@fleet/db/testing';
import { createUser as createNatsUser, encodeUser, fmtCreds } from '@nats-io/jwt';
import { connect, credsAuthenticator, type NatsConnection, nkeyAuthenticator } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { type GatewayApi, useGatewayApi } from '../gateways/gateway-api-fixture.js';
import { enrolmentPoll, type GatewayKey, newGatewayKey } from './gateway-key.js';

// Issue 10: an installer claims a gateway by its code; the gateway, polling with a proof signed by
// its own key, then receives the user JWT for that key (its seed never leaves it) and publishes
// under its own id on a real nats-server in operator mode. Plain SQL only: one database target.

const [target] = await testDatabaseTargets();

interface Claimed {
  status: string;
  gatewayId: string;
  jwt: string;
  inboxPrefix: string;
}

describe('claiming a gateway by code', () => {
  const api = useGatewayApi(target as NonNullable<typeof target>);
  const poll = (body: unknown) => postJson(`${api.baseUrl}/api/enrolment/poll`, body);
  const claim = (code: string, as: 'a' | 'b' = 'a', siteId = api.siteId) =>
    api.call('POST', `/sites/${siteId}/claims`, api.tokens[as], { code, name: 'Roof' });

  it('gives a never-claimed gateway no credentials: it is told to wait and NATS refuses its key', async () => {
    const key = newGatewayKey();
    const response = await poll(enrolmentPoll(key));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'unclaimed' });
    const seed = key.user.getSeed();
    await expect(
      connect({ servers: api.nats.url, reconnect: false, authenticator: nkeyAuthenticator(seed) }),
    ).rejects.toThrow(/authorization/i);
  });

  it('claims by typed code and refuses a second claim of the code from anyone (409)', async () => {
    const key = newGatewayKey();
    const claimed = await claim(key.code.toLowerCase().replace(/-/g, ' '));
    expect(claimed.status).toBe(201);
    expect(await claimed.json()).toMatchObject({ id: `gw-${key.code.toLowerCase()}`, siteId: api.siteId });
    const again = await claim(key.code);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toContain('already claimed');
    const bSite = await api.call('POST', '/sites', api.tokens.b, { name: 'B', timezone: 'UTC' });
    expect((await claim(key.code, 'b', ((await bSite.json()) as { id: string }).id)).status).toBe(409);
  });

  it('hands the claimed gateway the JWT for its own key, with which it publishes under its id', async () => {
    const key = newGatewayKey();
    expect((await claim(key.code)).status).toBe(201);
    const response = await poll(enrolmentPoll(key));
    expect(response.status).toBe(200);
    const result = (await response.json()) as Claimed;
    const gatewayId = `gw-${key.code.toLowerCase()}`;
    expect(result).toMatchObject({ status: 'claimed', gatewayId, inboxPrefix: `_INBOX.${gatewayId}` });
    const stored = await api.pool.query(
      'SELECT user_public_key AS key, revoked_at AS revoked FROM gateway_credential WHERE gateway_id = $1',
      [gatewayId],
    );
    expect(stored.rows).toEqual([{ key: key.publicKey, revoked: null }]);
    expect(await heartbeatArrives(api, key, result)).toBe('own');
  });

  it('refuses a code typed wrong, a proof from another key and a key whose credentials were revoked', async () => {
    const key = newGatewayKey();
    const typo = `${key.code.slice(0, -1)}${key.code.endsWith('0') ? '1' : '0'}`;
    const bad = await claim(typo);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(/^code: /);

    const forged = { ...enrolmentPoll(newGatewayKey()), claimCode: key.code, publicKey: key.publicKey };
    expect(((await (await poll(forged)).json()) as { message: string }).message).toMatch(/^proof: /);
    const stale = await poll(enrolmentPoll(key, new Date(Date.now() - 3_600_000).toISOString()));
    expect(stale.status).toBe(400);

    await claim(key.code);
    expect(((await (await poll(enrolmentPoll(key))).json()) as Claimed).status).toBe('claimed');
    // A rotation by hand replaces (revokes) the gateway's own key: that key gets nothing any more.
    const rotated = await api.call(
      'POST',
      `/gateways/gw-${key.code.toLowerCase()}/credentials`,
      api.tokens.a,
    );
    expect(rotated.status).toBe(201);
    expect((await poll(enrolmentPoll(key))).status).toBe(403);
  });
});

function postJson(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Publishes a heartbeat as the gateway (JWT + its own seed) and returns what a watcher received. */
async function heartbeatArrives(api: GatewayApi, key: GatewayKey, issued: Claimed): Promise<string> {
  const monitor = await watcherConnection(api);
  const seen = monitor.subscribe(`bms.v1.hb.${issued.gatewayId}`, { max: 1 });
  await monitor.flush();
  const gw = await connect({
    servers: api.nats.url,
    reconnect: false,
    inboxPrefix: issued.inboxPrefix,
    authenticator: credsAuthenticator(fmtCreds(issued.jwt, key.user)),
  });
  try {
    gw.publish(`bms.v1.hb.${issued.gatewayId}`, 'own');
    for await (const m of seen) {
      return m.string();
    }
    return 'nothing';
  } finally {
    await gw.close();
    await monitor.close();
  }
}

/** A cloud-side user of the account with full permissions, to watch what the gateway publishes. */
async function watcherConnection(api: GatewayApi): Promise<NatsConnection> {
  const watcher = createNatsUser();
  const signer = api.nats.signingKey;
  const jwt = await encodeUser('watcher', watcher, api.nats.account.getPublicKey(), {}, { signer });
  return connect({ servers: api.nats.url, authenticator: credsAuthenticator(fmtCreds(jwt, watcher)) });
}
