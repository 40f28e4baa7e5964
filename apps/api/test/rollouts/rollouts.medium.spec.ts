import type { PgPool, PrismaClient } from '@fleet/db';
import { createGateway, createSite, createTenant, createUser, testDatabaseTargets } from '@fleet/db/testing';
import { createUser as createNkeyUser, type KeyPair } from '@nats-io/nkeys';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, useApiFixture } from '../support/api-fixture.js';
import { updateCheckQuery } from './update-check.js';

// Issue 11: a staged agent rollout by site group. Stage 1's sites are offered the signed manifest,
// stage 2's only after the admin advances, nobody while paused; the gateway asks with a signature
// of its active NATS key. Plain SQL only: one database target.

const [target] = await testDatabaseTargets();

interface GatewayOf {
  id: string;
  key: KeyPair;
}

interface Seed {
  admin: Credentials;
  installer: Credentials;
  sites: { canary: string; broad: string; none: string };
  gw: { canary: GatewayOf; broad: GatewayOf; none: GatewayOf; revoked: GatewayOf };
}

async function seed(prisma: PrismaClient, pool: PgPool): Promise<Seed> {
  const tenant = await createTenant(prisma);
  const admin = await createUser(prisma, { tenantId: tenant.id, role: 'org_admin' });
  const installer = await createUser(prisma, { tenantId: tenant.id, role: 'installer' });
  const site = async (name: string) => (await createSite(prisma, { tenantId: tenant.id, name })).id;
  const sites = { canary: await site('canary'), broad: await site('broad'), none: await site('none') };
  const gateway = async (siteId: string, revoked = false): Promise<GatewayOf> => {
    const { id } = await createGateway(prisma, { siteId });
    const key = createNkeyUser();
    await pool.query(
      `INSERT INTO gateway_credential (id, tenant_id, site_id, gateway_id, user_public_key, issued_by, revoked_at)
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, CASE WHEN $6::boolean THEN now() END)`,
      [tenant.id, siteId, id, key.getPublicKey(), admin.id, revoked],
    );
    return { id, key };
  };
  return {
    admin: { email: admin.email, password: admin.password },
    installer: { email: installer.email, password: installer.password },
    sites,
    gw: {
      canary: await gateway(sites.canary),
      broad: await gateway(sites.broad),
      none: await gateway(sites.none),
      revoked: await gateway(sites.canary, true),
    },
  };
}

interface Rollout {
  id: string;
  state: string;
  openStages: number;
  stages: string[];
}

describe('staged agent rollout by site group', () => {
  const api = useApiFixture(target as NonNullable<typeof target>, seed);
  let token = '';
  const call = async (method: string, path: string, body?: unknown, as = token) =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${as}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const offer = async (gw: GatewayOf) => {
    const response = await api.fetch(`/gateways/${gw.id}/update?${updateCheckQuery(gw.id, gw.key)}`);
    expect(response.status).toBe(200);
    return (
      (await response.json()) as { update: { version: string; manifestUrl: string; stage: number } | null }
    ).update;
  };
  let rollout: Rollout;

  beforeAll(async () => {
    token = await api.login(api.seed.admin);
    const group = async (name: string, siteIds: string[]) => {
      const response = await call('POST', '/site-groups', { name, siteIds });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: string }).id;
    };
    const canary = await group('canary', [api.seed.sites.canary]);
    const broad = await group('broad', [api.seed.sites.broad]);
    const created = await call('POST', '/rollouts', {
      version: '0.2.0',
      manifestUrl: 'https://releases.example/fleet-edge-agent-0.2.0-linux-arm64.release.json',
      bundleUrl: 'https://releases.example/fleet-edge-agent-0.2.0-linux-arm64.tar.gz',
      stages: [canary, broad],
    });
    expect(created.status).toBe(201);
    rollout = (await created.json()) as Rollout;
  });

  it('offers stage 1’s sites the manifest, and neither stage 2 nor an ungrouped site', async () => {
    expect(rollout).toMatchObject({ state: 'active', openStages: 1 });
    expect(await offer(api.seed.gw.canary)).toMatchObject({
      version: '0.2.0',
      manifestUrl: 'https://releases.example/fleet-edge-agent-0.2.0-linux-arm64.release.json',
      stage: 1,
    });
    expect(await offer(api.seed.gw.broad)).toBeNull();
    expect(await offer(api.seed.gw.none)).toBeNull();
  });

  it('offers stage 2 once advanced; pausing stops every offer until resumed; no stage past the last', async () => {
    const advanced = await call('POST', `/rollouts/${rollout.id}/advance`);
    expect(advanced.status).toBe(200);
    expect(((await advanced.json()) as Rollout).openStages).toBe(2);
    expect(await offer(api.seed.gw.broad)).toMatchObject({ version: '0.2.0', stage: 2 });
    expect((await call('POST', `/rollouts/${rollout.id}/advance`)).status).toBe(409);

    expect((await call('POST', `/rollouts/${rollout.id}/pause`)).status).toBe(200);
    expect(await offer(api.seed.gw.canary)).toBeNull();
    expect(await offer(api.seed.gw.broad)).toBeNull();
    expect((await call('POST', `/rollouts/${rollout.id}/resume`)).status).toBe(200);
    expect(await offer(api.seed.gw.canary)).toMatchObject({ version: '0.2.0' });
  });

  it('refuses a forged, stale, revoked or borrowed proof (401) without saying which gateway exists', async () => {
    const { canary, broad, revoked } = api.seed.gw;
    const ask = (id: string, query: string) => api.fetch(`/gateways/${id}/update?${query}`);
    // broad's key signing for canary's id: a key that is not canary's.
    expect((await ask(canary.id, updateCheckQuery(canary.id, broad.key))).status).toBe(401);
    expect(
      (await ask(canary.id, updateCheckQuery(canary.id, canary.key, '2020-01-01T00:00:00Z'))).status,
    ).toBe(401);
    expect((await ask(revoked.id, updateCheckQuery(revoked.id, revoked.key))).status).toBe(401);
    // A proof signed for broad replayed against canary's id.
    expect((await ask(canary.id, updateCheckQuery(broad.id, canary.key))).status).toBe(401);
    const unknown = await ask('gw-nobody', updateCheckQuery('gw-nobody', canary.key));
    expect(unknown.status).toBe(401);
    expect(((await unknown.json()) as { message: string }).message).toContain('not an active credential');
  });

  it('lets only org admins manage rollouts, and refuses a site of another organisation', async () => {
    const installer = await api.login(api.seed.installer);
    expect((await call('GET', '/rollouts', undefined, installer)).status).toBe(403);
    expect((await call('POST', `/rollouts/${rollout.id}/pause`, undefined, installer)).status).toBe(403);
    const foreignSite = '00000000-0000-4000-8000-000000000000';
    const refused = await call('POST', '/site-groups', { name: 'x', siteIds: [foreignSite] });
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as { message: string }).message).toContain(foreignSite);
    const listed = (await (await call('GET', '/rollouts')).json()) as Rollout[];
    expect(listed.map((r) => r.id)).toEqual([rollout.id]);
  });
});
