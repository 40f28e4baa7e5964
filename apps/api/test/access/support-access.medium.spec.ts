import { productionTestTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { type AccessWorld, seedAccessWorld } from './access-world.js';
import type { Caller } from './ops/op-spec.js';

const targets = await productionTestTargets();

// Issue 8: support access granted for a site expires on time and a revoke takes effect at once
// (the live-stream side of it is in test/live).
describe.each(targets)('support access on $name', (target) => {
  const api = useApiFixture(target, seedAccessWorld);
  let w: AccessWorld;
  const get = async (as: Caller, path: string) => {
    const response = await api.get(path, w.users[as].token);
    return { status: response.status, body: (await response.json()) as unknown };
  };

  beforeAll(async () => {
    w = api.seed;
    for (const caller of ['org_admin', 'installer', 'owner', 'support', 'foreign'] as const) {
      w.users[caller].token = await api.login(w.users[caller]);
    }
  });

  it('ends support access when the grant expires', async () => {
    // A second desk user whose only grant ends in three seconds.
    const desk2 = await w.prisma.tenant.create({
      data: { name: 'Desk 2', slug: 'desk-2', kind: 'support_desk' },
    });
    const expiresAt = new Date(Date.now() + 3_000);
    await w.prisma.supportGrant.create({
      data: {
        tenantId: w.a.tenantId,
        siteId: w.a.siteId,
        granteeTenantId: desk2.id,
        grantedBy: 'test',
        expiresAt,
      },
    });
    const { createUser } = await import('@fleet/db/testing');
    const u = await createUser(w.prisma, { tenantId: desk2.id, role: 'support' });
    const token = await api.login(u);
    expect((await api.get(`/sites/${w.a.siteId}`, token)).status).toBe(200);
    while (Date.now() <= expiresAt.getTime()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await api.get(`/sites/${w.a.siteId}`, token)).status).toBe(404);
    expect(await (await api.get('/sites', token)).json()).toEqual({ items: [], nextCursor: null });
  });

  it('ends support access at once when the installer revokes the grant', async () => {
    expect((await get('support', `/sites/${w.a.siteId}`)).status).toBe(200);
    const revoke = await api.fetch(`/support-grants/${w.supportGrantId}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${w.users.installer.token}` },
    });
    expect(revoke.status).toBe(200);
    expect(await revoke.json()).toMatchObject({ id: w.supportGrantId, active: false });
    expect((await get('support', `/sites/${w.a.siteId}`)).status).toBe(404);
    expect((await get('support', `/alarms/${w.a.alarmId}`)).status).toBe(404);
    // The next grant gives it back, through the API this time.
    const regrant = await api.fetch(`/sites/${w.a.siteId}/support-grants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.users.installer.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        grantee: w.supportOrgId,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
      }),
    });
    expect(regrant.status).toBe(201);
    expect((await get('support', `/sites/${w.a.siteId}`)).status).toBe(200);
  });
});
