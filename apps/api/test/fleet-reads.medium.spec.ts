import { testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { useApiFixture } from './support/api-fixture.js';
import { NEWEST_SAMPLE, seedTwoTenants } from './support/seed-two-tenants.js';

const targets = await testDatabaseTargets();
const withoutRequestId = ({ requestId: _, ...rest }: Record<string, unknown>) => rest;

describe.each(targets)('fleet reads on $name', (target) => {
  const api = useApiFixture(target, seedTwoTenants);

  it("lists the caller's sites with strings and gateways, and only those", async () => {
    const { a, b } = api.seed;
    const response = await api.get('/sites', await api.login(a));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      nextCursor: null,
      items: [
        {
          id: a.siteId,
          name: 'Alpha Farm',
          address: '1 Main St',
          gatewayIds: [a.gatewayId],
          strings: [
            expect.objectContaining({
              id: a.stringId,
              name: 'String A',
              bmsAddress: 0,
              moduleType: 'H48050',
            }),
            expect.objectContaining({
              id: a.quietStringId,
              name: 'String Q',
              bmsAddress: 1,
              lastSampleAt: null,
            }),
          ],
        },
      ],
    });
    expect(await (await api.get('/sites', await api.login(b))).json()).toEqual({
      items: [],
      nextCursor: null,
    });
  });

  it('shows a site with gateways and strings, and a string with its site', async () => {
    const { a } = api.seed;
    const token = await api.login(a);
    expect(await (await api.get(`/sites/${a.siteId}`, token)).json()).toMatchObject({
      id: a.siteId,
      gateways: [{ id: a.gatewayId }],
      mbmsGroups: [],
      strings: [{ id: a.stringId, bus: 'can0', gatewayId: a.gatewayId }, { id: a.quietStringId }],
    });
    const string = await api.get(`/strings/${a.stringId}`, token);
    expect(string.status).toBe(200);
    expect(await string.json()).toMatchObject({ id: a.stringId, site: { id: a.siteId, name: 'Alpha Farm' } });
  });

  it('returns the newest pack sample with the telemetry field names and units, null when absent', async () => {
    const { a } = api.seed;
    const response = await api.get(`/strings/${a.stringId}/latest`, await api.login(a));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      stringId: a.stringId,
      ...NEWEST_SAMPLE,
      chargeCutoffDv: null,
      dischargeCutoffDv: null,
      chargeLimitDa: null,
      dischargeLimitDa: null,
      cellTempMaxNo: null,
      cellTempMinNo: null,
      protectionBits: null,
      errorBits: null,
      chargeForbidden: null,
      dischargeForbidden: null,
    });
  });

  it("gives another tenant a 404 for this tenant's site, string and samples", async () => {
    const { a, b } = api.seed;
    const token = await api.login(b);
    for (const path of [`/sites/${a.siteId}`, `/strings/${a.stringId}`, `/strings/${a.stringId}/latest`]) {
      expect((await api.get(path, token)).status, path).toBe(404);
    }
  });

  it('answers a foreign string and a string without samples alike', async () => {
    const { a, b } = api.seed;
    const foreign = await api.get(`/strings/${a.quietStringId}/latest`, await api.login(b));
    const quiet = await api.get(`/strings/${a.quietStringId}/latest`, await api.login(a));
    expect(quiet.status).toBe(404);
    expect(withoutRequestId((await foreign.json()) as Record<string, unknown>)).toEqual(
      withoutRequestId((await quiet.json()) as Record<string, unknown>),
    );
  });

  it('refuses an id that is not a UUID, naming the parameter', async () => {
    const response = await api.get('/strings/42/latest', await api.login(api.seed.a));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/^id: /);
  });
});
