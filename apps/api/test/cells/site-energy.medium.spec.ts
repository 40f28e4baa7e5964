import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { useApiFixture } from '../support/api-fixture.js';
import { type CellsWorld, SUMMER_DAY, seedCellsWorld } from './cell-seed.js';

const targets = await testDatabaseTargets();

interface EnergyBody {
  timezone: string;
  date: string;
  dayStart: string;
  dayEnd: string;
  hours: Array<{ start: string; localTime: string; inKwh: number; outKwh: number; strings: number }>;
  totalInKwh: number;
  totalOutKwh: number;
}

describe.each(targets)('GET /api/sites/{id}/energy on $name', (target) => {
  const api = useApiFixture(target, seedCellsWorld);
  let w: CellsWorld;
  let installer: string;

  beforeAll(async () => {
    w = api.seed;
    installer = await api.login(w.users.installer);
  });

  const energyOf = async (siteId: string, token: string, date = SUMMER_DAY) =>
    api.get(`/sites/${siteId}/energy?date=${date}`, token);

  it("sums the site's strings per hour of its local day", async () => {
    const res = await energyOf(w.a.siteId, installer);
    expect(res.status).toBe(200);
    const body = (await res.json()) as EnergyBody;
    expect(body).toMatchObject({
      timezone: 'Europe/Berlin',
      date: SUMMER_DAY,
      dayStart: '2026-06-30T22:00:00.000Z',
      dayEnd: '2026-07-01T22:00:00.000Z',
    });
    expect(body.hours).toHaveLength(24);
    expect(body.hours[0]).toEqual({
      start: '2026-06-30T22:00:00.000Z',
      localTime: '00:00',
      inKwh: 1.5,
      outKwh: 0,
      strings: 1,
    });
    expect(body.hours[12]).toEqual({
      start: '2026-07-01T10:00:00.000Z',
      localTime: '12:00',
      inKwh: 0.35,
      outKwh: 2,
      strings: 2,
    });
    expect(body.hours[5]).toMatchObject({ localTime: '05:00', inKwh: 0, outKwh: 0, strings: 0 });
    // The 23:00 UTC hour before the local day and site A2's string are not counted.
    expect(body.totalInKwh).toBe(1.85);
    expect(body.totalOutKwh).toBe(2);
  });

  it('has 25 hours on the day the clocks go back, and defaults to today', async () => {
    const autumn = (await (await energyOf(w.a.siteId, installer, '2026-10-25')).json()) as EnergyBody;
    expect(autumn.hours).toHaveLength(25);
    expect(autumn.hours.map((h) => h.localTime).slice(1, 4)).toEqual(['01:00', '02:00', '02:00']);
    const today = await api.get(`/sites/${w.a.siteId}/energy`, installer);
    expect(today.status).toBe(200);
    expect(((await today.json()) as EnergyBody).date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('refuses a date that does not exist', async () => {
    expect((await energyOf(w.a.siteId, installer, '2026-02-30')).status).toBe(400);
    expect((await energyOf(w.a.siteId, installer, 'yesterday')).status).toBe(400);
  });

  it("is a 404 for another tenant's admin and for the owner of another site", async () => {
    const foreign = await api.login(w.users.foreign);
    expect((await energyOf(w.a.siteId, foreign)).status).toBe(404);
    const owner = await api.login(w.users.owner);
    expect((await energyOf(w.a.siteId, owner)).status).toBe(200);
    expect((await energyOf(w.a.otherSiteId, owner)).status).toBe(404);
    const a2 = (await (await energyOf(w.a.otherSiteId, installer)).json()) as EnergyBody;
    expect(a2.totalInKwh).toBe(5);
  });

  it('answers every role of the site: org admin, installer, technician, the granted support desk, its owner', async () => {
    for (const role of ['org_admin', 'installer', 'technician', 'support', 'owner'] as const) {
      const token = await api.login(w.users[role]);
      expect((await api.get(`/sites/${w.a.siteId}/energy?date=${SUMMER_DAY}`, token)).status, role).toBe(200);
    }
  });
});
