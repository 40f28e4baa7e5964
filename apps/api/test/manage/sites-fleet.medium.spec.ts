import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { seedTwoTenants } from '../support/seed-two-tenants.js';

const targets = await testDatabaseTargets();

describe.each(targets)('managing sites and the fleet overview on $name', (target) => {
  const api = useApiFixture(target, seedTwoTenants);
  const send = async (method: string, path: string, token: string, body: unknown) =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it("creates a site of the caller's organisation, visible to it and to nobody else", async () => {
    const a = await api.login(api.seed.a);
    const b = await api.login(api.seed.b);
    const body = { name: 'Beta Barn', timezone: 'America/New_York', latitude: 40.7, longitude: -74 };
    const created = await send('POST', '/sites', b, body);
    expect(created.status).toBe(201);
    const site = (await created.json()) as { id: string };
    expect(site).toMatchObject({ ...body, address: null });
    expect((await api.get(`/sites/${site.id}`, b)).status).toBe(200);
    expect((await api.get(`/sites/${site.id}`, a)).status).toBe(404);
  });

  it('refuses a bad time zone, an out-of-range coordinate and an unknown field with 400', async () => {
    const b = await api.login(api.seed.b);
    const bad = [
      { name: 'x', timezone: 'Mars/Olympus' },
      { name: 'x', timezone: 'UTC', latitude: 91 },
      { name: 'x', timezone: 'UTC', longitude: -180.5 },
      { name: 'x', timezone: 'UTC', tenantId: api.seed.a.siteId },
    ];
    for (const body of bad) {
      const response = await send('POST', '/sites', b, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
    }
    const sites = ((await (await api.get('/sites', b)).json()) as { items: { name: string }[] }).items;
    expect(sites.map((s) => s.name)).not.toContain('x');
  });

  it('changes only the named fields, and only on a site the organisation manages', async () => {
    const a = await api.login(api.seed.a);
    const { siteId } = api.seed.a;
    const before = (await (await api.get(`/sites/${siteId}`, a)).json()) as { name: string; address: string };
    const patched = await send('PATCH', `/sites/${siteId}`, a, { timezone: 'Europe/Vienna', latitude: null });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      id: siteId,
      name: before.name,
      address: before.address,
      timezone: 'Europe/Vienna',
      latitude: null,
    });
    expect((await send('PATCH', `/sites/${siteId}`, a, {})).status).toBe(400);
    const foreign = await send('PATCH', `/sites/${siteId}`, await api.login(api.seed.b), { name: 'taken' });
    expect(foreign.status).toBe(404);
    expect(await (await api.get(`/sites/${siteId}`, a)).json()).toMatchObject({ name: before.name });
  });

  it('pages the fleet overview by cursor and refuses a cursor it did not hand out', async () => {
    const a = await api.login(api.seed.a);
    const first = await api.get('/fleet?limit=1', a);
    expect(first.status).toBe(200);
    const page1 = (await first.json()) as { rows: { stringId: string }[]; nextCursor: string };
    expect(page1.rows).toHaveLength(1);
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = (await (
      await api.get(`/fleet?limit=1&cursor=${encodeURIComponent(page1.nextCursor)}`, a)
    ).json()) as { rows: { stringId: string }[]; nextCursor: string | null };
    const seen = [...page1.rows, ...page2.rows].map((r) => r.stringId).sort();
    expect(seen).toEqual([api.seed.a.stringId, api.seed.a.quietStringId].sort());
    expect(page2.nextCursor).toBeNull();
    const otherSort = await api.get(`/fleet?sort=severity&cursor=${encodeURIComponent(page1.nextCursor)}`, a);
    expect(otherSort.status).toBe(400);
    expect((await api.get('/fleet?cursor=not-a-cursor', a)).status).toBe(400);
    const b = await api.get('/fleet', await api.login(api.seed.b));
    expect(await b.json()).toEqual({ rows: [], total: 0, nextCursor: null });
  });
});
