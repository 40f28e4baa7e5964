import { disableTenantFilterForTests, SiteRepository } from '@fleet/db';
import { testDatabaseTargets } from '@fleet/db/testing';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { type AccessWorld, seedAccessWorld } from './access-world.js';
import type { Caller } from './ops/op-spec.js';

/** The body of GET /api/sites. */
type SiteList = { items: { id: string }[] };

const targets = await testDatabaseTargets();

// Issue 8's isolation acceptance points, on the real app and database: row-level security holds
// when the repository filter is gone, and owners see only their sites (support-access.medium.spec.ts:
// support grants ending on time and at once).
describe.each(targets)('tenant isolation on $name', (target) => {
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
  afterEach(() => disableTenantFilterForTests(false));

  it('returns no foreign rows through row-level security when the repository filter is switched off', async () => {
    disableTenantFilterForTests(true);
    // The switch works: a repository on the owner's connection (no row-level security) now
    // lists every tenant's sites for tenant B.
    const unfiltered = await new SiteRepository(w.prisma).listWithStrings(w.b.tenantId);
    expect(unfiltered.map((s) => s.id)).toEqual(expect.arrayContaining([w.a.siteId, w.b.siteId]));
    // Through the API (scoped pool, role fleet_app) the same calls return only tenant B's rows.
    const sites = await get('foreign', '/sites');
    expect(sites.status).toBe(200);
    expect((sites.body as SiteList).items.map((s) => s.id)).toEqual([w.b.siteId]);
    expect((await get('foreign', `/sites/${w.a.siteId}`)).status).toBe(404);
    expect((await get('foreign', `/strings/${w.a.stringId}`)).status).toBe(404);
    expect((await get('foreign', `/strings/${w.a.stringId}/latest`)).status).toBe(404);
    expect((await get('foreign', `/alarms/${w.a.alarmId}`)).status).toBe(404);
    const alarms = await get('foreign', '/alarms');
    expect(alarms.status).toBe(200);
    expect((alarms.body as { items: unknown[] }).items).toEqual([]);
    // …and the owner, whose scope is one site of tenant A, still sees only that one.
    const ownerSites = await get('owner', '/sites');
    expect((ownerSites.body as SiteList).items.map((s) => s.id)).toEqual([w.a.siteId]);
  });

  it("shows an owner the sites they were invited to and nothing else of the installer's", async () => {
    const sites = await get('owner', '/sites');
    expect((sites.body as SiteList).items.map((s) => s.id)).toEqual([w.a.siteId]);
    expect((await get('owner', `/sites/${w.a.otherSiteId}`)).status).toBe(404);
    expect((await get('owner', `/strings/${w.a.otherStringId}`)).status).toBe(404);
    const all = await get('installer', '/sites');
    expect((all.body as SiteList).items.map((s) => s.id).sort()).toEqual(
      [w.a.siteId, w.a.otherSiteId].sort(),
    );
  });
});
