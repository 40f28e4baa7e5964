import type { PgPool, PrismaClient } from '@fleet/db';
import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, seedAccessWorld } from '../access/access-world.js';
import { useApiFixture } from '../support/api-fixture.js';
import { insertDay, insertHour, termsBody } from './warranty-fixtures.js';

const targets = await testDatabaseTargets();
const DAY = 86_400_000;
const TODAY = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
const COMMISSIONED = new Date(TODAY - 120 * DAY);

/** String A1 (3 × H48050 = 7.2 kWh) with 120 days of 5 kWh out and SOH 100 → 98, and one hot hour (56 °C). */
async function seedWarranty(prisma: PrismaClient, pool: PgPool): Promise<AccessWorld> {
  const w = await seedAccessWorld(prisma, pool);
  await pool.query('UPDATE bms_string SET module_count = 3 WHERE id = $1', [w.a.stringId]);
  await pool.query(`UPDATE site SET warranty_region = 'EU' WHERE id = $1`, [w.a.siteId]);
  for (let d = 0; d < 120; d += 1) {
    await insertDay(
      pool,
      w.a.stringId,
      new Date(COMMISSIONED.getTime() + d * DAY),
      5000,
      100 - Math.floor(d / 60),
    );
  }
  await insertHour(pool, w.a.stringId, new Date(TODAY - 3 * DAY + 13 * 3_600_000), { cellTempMaxDc: 560 });
  await insertHour(pool, w.a.stringId, new Date(TODAY - 3 * DAY + 9 * 3_600_000));
  return w;
}

type Status = {
  terms: { id: string; region: string } | null;
  gaps: string[];
  commissioning: { commissionedBy: string } | null;
  time: { fraction: number } | null;
  throughput: { usedWh: number; capWh: number | null; projection: { kind: string } };
  soh: { latest: { sohPct: number } | null; projection: { kind: string }; guaranteedLine: unknown };
  excursions: { total: number; items: Array<{ kind: string; worst: number; limit: number }> };
};

interface Ctx {
  w: () => AccessWorld;
  call: (who: string, method: string, path: string, body?: unknown) => Promise<Response>;
}

/** The API on a seeded database, a token per caller, and one helper to call it as any of them. */
function useWarrantyApi(target: (typeof targets)[number]): Ctx {
  const api = useApiFixture(target, seedWarranty);
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const who of ['org_admin', 'installer', 'technician', 'owner', 'support', 'foreign'] as const) {
      tokens[who] = await api.login(api.seed.users[who]);
    }
  });
  return {
    w: () => api.seed,
    call: (who, method, path, body) =>
      api.fetch(path, {
        method,
        headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}

describe.each(targets)('warranty on $name', (target) => {
  const ctx = useWarrantyApi(target);
  statusTests(ctx);
  accessTests(ctx);
});

/** In order: nothing entered, terms and commissioning entered, the status judged by them. */
function statusTests({ w: world, call }: Ctx) {
  let w: AccessWorld;
  beforeAll(() => {
    w = world();
  });

  it('says what is missing before anything is entered, never a made-up number', async () => {
    const res = await call('owner', 'GET', `/strings/${w.a.stringId}/warranty`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Status;
    expect(body.terms).toBeNull();
    expect(body.gaps).toEqual(['no-terms', 'no-commissioning']);
    expect(body.time).toBeNull();
    expect(body.throughput).toMatchObject({ usedWh: 600_000, capWh: null, projection: { kind: 'no-cap' } });
    expect(body.excursions.total).toBe(0);
  });

  it('lets only org admins write terms, with the field named in a refusal', async () => {
    expect((await call('installer', 'POST', '/warranty-terms', termsBody())).status).toBe(403);
    expect((await call('owner', 'POST', '/warranty-terms', termsBody())).status).toBe(403);
    const bad = await call('org_admin', 'POST', '/warranty-terms', termsBody({ cellTempMinDc: 600 }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /^cellTempMinDc: the lowest cell temperature/,
    );
    const created = await call('org_admin', 'POST', '/warranty-terms', termsBody({ region: 'eu' }));
    expect(created.status).toBe(201);
    expect(((await created.json()) as { region: string }).region).toBe('EU');
  });

  it('records commissioning for the field roles of the managing organisation only', async () => {
    const body = {
      commissionedAt: COMMISSIONED.toISOString(),
      commissionedBy: 'Alpha Solar crew 2',
      notes: 'roof',
    };
    expect((await call('owner', 'PUT', `/strings/${w.a.stringId}/commissioning`, body)).status).toBe(403);
    expect((await call('support', 'PUT', `/strings/${w.a.stringId}/commissioning`, body)).status).toBe(403);
    expect((await call('foreign', 'PUT', `/strings/${w.a.stringId}/commissioning`, body)).status).toBe(404);
    const ok = await call('technician', 'PUT', `/strings/${w.a.stringId}/commissioning`, body);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      commissionedBy: 'Alpha Solar crew 2',
      recordedBy: w.users.technician.id,
    });
  });

  it('shows the owner its string judged by the terms, with the hot hour as an excursion', async () => {
    const body = (await (await call('owner', 'GET', `/strings/${w.a.stringId}/warranty`)).json()) as Status;
    expect(body.gaps).toEqual([]);
    expect(body.terms?.region).toBe('EU');
    expect(body.commissioning?.commissionedBy).toBe('Alpha Solar crew 2');
    expect(body.time?.fraction).toBeGreaterThan(0.03);
    expect(body.time?.fraction).toBeLessThan(0.04);
    // Cap: 3 MWh/kWh × 7.2 kWh = 21.6 MWh; 120 × 5 kWh used at 5 kWh/day.
    expect(body.throughput).toMatchObject({
      usedWh: 600_000,
      capWh: 21_600_000,
      projection: { kind: 'projected' },
    });
    expect(body.soh.latest?.sohPct).toBe(99);
    expect(body.soh.guaranteedLine).not.toBeNull();
    expect(body.excursions).toMatchObject({
      total: 1,
      items: [{ kind: 'temperature-high', worst: 560, limit: 500 }],
    });
  });
}

/** Who reads and writes what, across roles and tenants (after statusTests entered terms). */
function accessTests({ w: world, call }: Ctx) {
  let w: AccessWorld;
  beforeAll(() => {
    w = world();
  });

  it('lets the support desk read the status with the managing organisation’s terms, and owners read but not edit terms', async () => {
    const support = (await (
      await call('support', 'GET', `/strings/${w.a.stringId}/warranty`)
    ).json()) as Status;
    expect(support.terms?.region).toBe('EU');
    const list = (await (await call('owner', 'GET', '/warranty-terms')).json()) as {
      items: Array<{ id: string }>;
    };
    expect(list.items).toHaveLength(1);
    const id = list.items[0]?.id;
    expect((await call('owner', 'PUT', `/warranty-terms/${id}`, termsBody())).status).toBe(403);
    expect((await call('owner', 'DELETE', `/warranty-terms/${id}`)).status).toBe(403);
  });

  it('keeps tenants apart: no foreign status, terms or edits', async () => {
    expect((await call('foreign', 'GET', `/strings/${w.a.stringId}/warranty`)).status).toBe(404);
    const list = (await (await call('foreign', 'GET', '/warranty-terms')).json()) as { items: unknown[] };
    expect(list.items).toEqual([]);
    const mine = (await (await call('org_admin', 'GET', '/warranty-terms')).json()) as {
      items: Array<{ id: string }>;
    };
    const id = mine.items[0]?.id;
    expect((await call('foreign', 'PUT', `/warranty-terms/${id}`, termsBody())).status).toBe(404);
    expect((await call('foreign', 'DELETE', `/warranty-terms/${id}`)).status).toBe(404);
    expect(
      (await call('foreign', 'PUT', `/sites/${w.a.siteId}/warranty-region`, { warrantyRegion: 'DE' })).status,
    ).toBe(404);
  });

  it('drops the terms when the region changes or they are deleted', async () => {
    const region = await call('installer', 'PUT', `/sites/${w.a.siteId}/warranty-region`, {
      warrantyRegion: 'au',
    });
    expect(await region.json()).toEqual({ siteId: w.a.siteId, warrantyRegion: 'AU' });
    let body = (await (await call('org_admin', 'GET', `/strings/${w.a.stringId}/warranty`)).json()) as Status;
    expect(body.terms).toBeNull();
    expect(body.gaps).toEqual(['no-terms']);
    await call('installer', 'PUT', `/sites/${w.a.siteId}/warranty-region`, { warrantyRegion: 'EU' });
    const mine = (await (await call('org_admin', 'GET', '/warranty-terms')).json()) as {
      items: Array<{ id: string }>;
    };
    expect((await call('org_admin', 'DELETE', `/warranty-terms/${mine.items[0]?.id}`)).status).toBe(204);
    body = (await (await call('org_admin', 'GET', `/strings/${w.a.stringId}/warranty`)).json()) as Status;
    expect(body.terms).toBeNull();
  });
}
