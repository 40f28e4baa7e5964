import type { PrismaClient } from '@fleet/db';
import { createSite, createTenant, createUser, testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { type Credentials, useApiFixture } from '../support/api-fixture.js';

const targets = await testDatabaseTargets();

interface Seed {
  a: Credentials;
  b: Credentials;
  /** Tenant A's site ids in the list's order (name, then id). */
  aOrder: string[];
  /** The two sites of A named "Twin", in list order. */
  twins: string[];
  bSiteIds: string[];
}

/** Tenant A: eight sites, two of them with the same name; tenant B: two sites of its own. */
async function seed(prisma: PrismaClient): Promise<Seed> {
  const tenantA = await createTenant(prisma);
  const tenantB = await createTenant(prisma);
  const a = await createUser(prisma, { tenantId: tenantA.id });
  const b = await createUser(prisma, { tenantId: tenantB.id });
  const sites = [
    { name: 'Bäckerei Weber', address: 'Hauptstraße 1, Ulm' },
    { name: 'Alpha Farm', address: '1 Main St' },
    { name: 'Twin', address: null },
    { name: 'Twin', address: 'Second Road' },
    { name: 'Depot 100% solar', address: null },
    { name: 'Harbour Depot', address: 'Quay 7, Hamburg' },
    { name: 'Zeta', address: 'WEBERGASSE 3' },
    { name: 'Meadow', address: null },
  ];
  const created = [];
  for (const s of sites) {
    created.push(await createSite(prisma, { tenantId: tenantA.id, ...s }));
  }
  // The database's collation orders names, ids break ties: the expected order, read directly.
  const byName = await prisma.site.findMany({
    where: { tenantId: tenantA.id },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: { id: true, name: true },
  });
  const aOrder = byName.map((s) => s.id);
  const twins = byName.filter((s) => s.name === 'Twin').map((s) => s.id);
  const bSites = [
    await createSite(prisma, { tenantId: tenantB.id, name: 'Alpha B', address: 'Weberweg' }),
    await createSite(prisma, { tenantId: tenantB.id, name: 'Twin' }),
  ];
  expect(created).toHaveLength(8);
  return { a, b, aOrder, twins, bSiteIds: bSites.map((s) => s.id) };
}

interface Page {
  items: { id: string; name: string }[];
  nextCursor: string | null;
}

describe.each(targets)('GET /api/sites pages and search on $name', (target) => {
  const api = useApiFixture(target, seed);
  const list = async (token: string, query: string): Promise<Page> => {
    const response = await api.get(`/sites?${query}`, token);
    expect(response.status, query).toBe(200);
    return (await response.json()) as Page;
  };
  /** Follows nextCursor from the first page to the last; the ids in the order served. */
  const walk = async (token: string, query: string): Promise<{ ids: string[]; pages: number }> => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await list(
        token,
        `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      ids.push(...page.items.map((s) => s.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);
    return { ids, pages };
  };

  it('walks every site once, by name then id, in pages of limit, inside the tenant only', async () => {
    const { a, b, aOrder, bSiteIds } = api.seed;
    const token = await api.login(a);
    const first = await list(token, 'limit=3');
    expect(first.items.map((s) => s.id)).toEqual(aOrder.slice(0, 3));
    expect(first.nextCursor).toEqual(expect.any(String));
    const all = await walk(token, 'limit=3');
    expect(all.pages).toBe(3);
    expect(all.ids).toEqual(aOrder);
    expect(new Set(all.ids).size).toBe(all.ids.length);
    // The two sites named "Twin" are split across pages without loss or repeat.
    const pairs = await walk(token, 'limit=1');
    expect(pairs.ids).toEqual(aOrder);
    // Default: up to 50 on one page, no cursor after the last.
    expect(await list(token, '')).toEqual({ items: expect.any(Array), nextCursor: null });
    expect((await list(token, '')).items.map((s) => s.id)).toEqual(aOrder);
    // Tenant B sees its own two, never A's, and A's cursor does not open A's sites to B.
    const tokenB = await api.login(b);
    expect((await walk(tokenB, 'limit=1')).ids.sort()).toEqual([...bSiteIds].sort());
    const fromA = await list(tokenB, `limit=5&cursor=${encodeURIComponent(first.nextCursor as string)}`);
    expect(fromA.items.every((s) => bSiteIds.includes(s.id))).toBe(true);
  });

  it('searches name and address case-insensitively, literally, and pages the matches', async () => {
    const { a, aOrder } = api.seed;
    const token = await api.login(a);
    const names = async (q: string) =>
      (await list(token, `q=${encodeURIComponent(q)}`)).items.map((s) => s.name);
    // "weber" is in one name and, in capitals, in another site's address; never tenant B's.
    expect(await names('weber')).toEqual(['Bäckerei Weber', 'Zeta']);
    expect(await names('HAMBURG')).toEqual(['Harbour Depot']);
    expect(await names('depot')).toEqual(['Depot 100% solar', 'Harbour Depot']);
    // % and _ are text, not patterns.
    expect(await names('100%')).toEqual(['Depot 100% solar']);
    expect(await names('_')).toEqual([]);
    expect(await names('nowhere')).toEqual([]);
    // Blank search = no search.
    expect((await list(token, 'q=%20%20')).items.map((s) => s.id)).toEqual(aOrder);
    const twins = await walk(token, 'q=twin&limit=1');
    expect(twins.pages).toBe(2);
    expect(twins.ids).toEqual(api.seed.twins);
  });

  it('refuses a cursor it did not hand out and limits outside 1..200', async () => {
    const token = await api.login(api.seed.a);
    for (const query of ['cursor=nonsense', 'limit=0', 'limit=201', 'limit=ten']) {
      expect((await api.get(`/sites?${query}`, token)).status, query).toBe(400);
    }
    expect((await list(token, 'limit=200')).items).toHaveLength(8);
  });
});
