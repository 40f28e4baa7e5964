import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { type FleetWorld, seedFleetWorld } from './fleet-world.js';

const targets = await testDatabaseTargets();

interface Page {
  rows: { stringId: string; name: string; status: string; siteName: string; worstSeverity: string | null }[];
  total: number;
  nextCursor: string | null;
}

/** Tenant A's two sites as the installer sees them on the map. */
function expectedSites(w: FleetWorld) {
  return {
    truncated: false,
    sites: [
      {
        siteId: w.a.harbourId,
        name: 'Harbour',
        address: 'Quay 7, Hamburg',
        latitude: 53.54,
        longitude: 9.98,
        stringCount: 2,
        worstSeverity: 'critical',
      },
      {
        siteId: w.a.millId,
        name: 'Mill',
        address: 'Mill Lane 2',
        latitude: null,
        longitude: null,
        stringCount: 2,
        worstSeverity: null,
      },
    ],
  };
}

describe.each(targets)('the fleet view API on $name', (target) => {
  const api = useApiFixture(target, seedFleetWorld);
  let w: FleetWorld;
  const tokens: Record<string, string> = {};
  const list = async (who: string, query = '') => {
    const response = await api.get(`/fleet${query}`, tokens[who]);
    expect(response.status, query).toBe(200);
    return (await response.json()) as Page;
  };
  const names = async (who: string, query = '') => (await list(who, query)).rows.map((r) => r.name);

  beforeAll(async () => {
    w = api.seed;
    for (const who of ['installer', 'technician', 'owner', 'support', 'foreign'] as const) {
      tokens[who] = await api.login(w[who]);
    }
  });

  it('lists every string of the scope with site, status and worst alarm, and the total', async () => {
    const page = await list('installer');
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => [r.name, r.siteName, r.status, r.worstSeverity])).toEqual([
      ['H1', 'Harbour', 'charging', 'critical'],
      ['H2', 'Harbour', 'stale', null],
      ['M1', 'Mill', 'discharging', null],
      ['M2', 'Mill', 'offline', null],
    ]);
  });

  it('filters by search, status, severity, open alarm and site', async () => {
    expect(await names('installer', '?q=hamburg')).toEqual(['H1', 'H2']);
    expect(await names('installer', '?status=stale,offline')).toEqual(['H2', 'M2']);
    expect(await names('installer', '?severity=critical')).toEqual(['H1']);
    expect(await names('installer', '?hasOpenAlarm=false')).toEqual(['H2', 'M1', 'M2']);
    expect(await names('installer', `?site=${w.a.millId}&status=discharging`)).toEqual(['M1']);
    const filtered = await list('installer', '?q=mill&limit=1');
    expect([filtered.total, filtered.rows.length]).toEqual([2, 1]);
  });

  it('sorts and pages by keyset, and refuses a cursor of another sort or a bad value', async () => {
    expect(await names('installer', '?sort=soc&dir=desc')).toEqual(['H1', 'M1', 'H2', 'M2']);
    expect(await names('installer', '?sort=lastSeen')).toEqual(['M2', 'H2', 'M1', 'H1']);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(
        'installer',
        `?sort=soh&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...page.rows.map((r) => r.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['H2', 'H1', 'M1', 'M2']);
    const first = await list('installer', '?sort=soh&limit=1');
    const other = await api.get(
      `/fleet?sort=soc&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
      tokens.installer,
    );
    expect(other.status).toBe(400);
    for (const bad of [
      '?status=sleeping',
      '?sort=voltage',
      '?site=not-a-uuid',
      '?hasOpenAlarm=yes',
      '?dir=up',
    ]) {
      expect((await api.get(`/fleet${bad}`, tokens.installer)).status, bad).toBe(400);
    }
  });

  it('shows an owner only its site, a support desk only the granted one, another tenant nothing of A', async () => {
    expect(await names('owner')).toEqual(['M1', 'M2']);
    expect(await names('support')).toEqual(['H1', 'H2']);
    expect(await names('support', `?site=${w.a.millId}`)).toEqual([]);
    const foreign = await list('foreign');
    expect(foreign.rows.map((r) => r.stringId)).toEqual([w.b.stringId]);
    expect(foreign.total).toBe(1);
  });

  it('lists the sites for the map with coordinates, string count and worst alarm, by scope', async () => {
    const response = await api.get('/fleet/sites', tokens.installer);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(expectedSites(w));
    const sitesOf = async (who: string) =>
      (
        (await (await api.get('/fleet/sites', tokens[who])).json()) as { sites: { siteId: string }[] }
      ).sites.map((s) => s.siteId);
    expect(await sitesOf('owner')).toEqual([w.a.millId]);
    expect(await sitesOf('support')).toEqual([w.a.harbourId]);
    expect(await sitesOf('foreign')).toEqual([w.b.siteId]);
  });
});
