import type { PgPool, PrismaClient } from '@fleet/db';
import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, seedAccessWorld } from '../access/access-world.js';
import { useApiFixture } from '../support/api-fixture.js';

const targets = await testDatabaseTargets();

/**
 * Site A1's gateway reported bus can0: its string (address 0, serial S-1) with 4 modules, and a
 * string at address 7 nobody registered yet.
 */
async function seedTopology(prisma: PrismaClient, pool: PgPool): Promise<AccessWorld> {
  const w = await seedAccessWorld(prisma, pool);
  await pool.query(`UPDATE bms_string SET bms_serial = 'S-1' WHERE id = $1`, [w.a.stringId]);
  const body = {
    protocol: 'hv-can',
    strings: [
      {
        bmsAddress: 0,
        moduleCount: 4,
        cellsPerModule: 15,
        capacityAh: 50,
        bmsSerial: 'S-1',
        versions: {
          hardwareType: 1,
          hardwareMajor: 2,
          hardwareMinor: 1,
          softwareMajor: 1,
          softwareMinor: 2,
          softwareDevMajor: 0,
          softwareDevMinor: 0,
        },
        modules: [{ position: 1, serial: 'M-1' }],
      },
      { bmsAddress: 7, moduleCount: 5 },
    ],
  };
  await pool.query(
    `INSERT INTO topology_report (gateway_id, bus, site_id, tenant_id, reported_at, msg_id, body)
     VALUES ($1, 'can0', $2, $3, '2026-11-26T09:00:00Z', 'walk:e0', $4)`,
    [w.a.gatewayId, w.a.siteId, w.a.tenantId, JSON.stringify(body)],
  );
  return w;
}

type Topology = {
  found: Array<{ bmsAddress: number; stringId: string | null; bmsSerial: string | null; modules: unknown[] }>;
  confirmation: { confirmedBy: string; confirmedByName: string | null; note: string | null } | null;
  mismatches: Array<{ kind: string; place: { bmsAddress: number } }>;
};

describe.each(targets)('site topology on $name', (target) => {
  const api = useApiFixture(target, seedTopology);
  const tokens: Record<string, string> = {};
  let w: AccessWorld;
  beforeAll(async () => {
    w = api.seed;
    for (const who of ['installer', 'technician', 'owner'] as const) {
      tokens[who] = await api.login(w.users[who]);
    }
  });
  const call = (who: string, method: string, path: string, body?: unknown) =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const installed = (bmsAddress: number, moduleCount: number, bmsSerial: string | null = null) => ({
    gatewayId: w.a.gatewayId,
    bus: 'can0',
    bmsAddress,
    moduleCount,
    bmsSerial,
  });

  it('shows what was found, mapped to registered strings, before anything is confirmed', async () => {
    const res = await call('owner', 'GET', `/sites/${w.a.siteId}/topology`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Topology;
    expect(body.found.map((f) => [f.bmsAddress, f.stringId, f.bmsSerial, f.modules.length])).toEqual([
      [0, w.a.stringId, 'S-1', 1],
      [7, null, null, 0],
    ]);
    expect(body.confirmation).toBeNull();
    expect(body.mismatches).toEqual([]);
  });

  it('stores the installer’s confirmation with who and when, and flags every mismatch against it', async () => {
    const expected = [installed(0, 5, 'S-1'), installed(3, 4)];
    expect(
      (await call('technician', 'POST', `/sites/${w.a.siteId}/topology/confirm`, { strings: expected }))
        .status,
    ).toBe(403);
    const res = await call('installer', 'POST', `/sites/${w.a.siteId}/topology/confirm`, {
      strings: expected,
      note: 'commissioned with 5 modules',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Topology;
    expect(body.confirmation).toMatchObject({
      confirmedBy: w.users.installer.id,
      note: 'commissioned with 5 modules',
    });
    expect(body.mismatches.map((m) => [m.kind, m.place.bmsAddress])).toEqual([
      ['module-missing', 0],
      ['expected-absent', 3],
      ['unexpected-string', 7],
    ]);
    const owner = (await (await call('owner', 'GET', `/sites/${w.a.siteId}/topology`)).json()) as Topology;
    expect(owner.confirmation?.confirmedBy).toBe(w.users.installer.id);
    const { rows } = await w.pool.query('SELECT confirmed_by FROM topology_confirmation WHERE site_id = $1', [
      w.a.siteId,
    ]);
    expect(rows).toEqual([{ confirmed_by: w.users.installer.id }]);
  });

  it('refuses an installation with two strings on one address or a gateway of another site, naming it', async () => {
    const path = `/sites/${w.a.siteId}/topology/confirm`;
    const twice = await call('installer', 'POST', path, { strings: [installed(1, 5), installed(1, 6)] });
    expect(twice.status).toBe(400);
    expect(JSON.stringify(await twice.json())).toContain('address 1');
    const foreign = await call('installer', 'POST', path, {
      strings: [{ ...installed(1, 5), gatewayId: 'gw-not-here' }],
    });
    expect(foreign.status).toBe(400);
    expect(JSON.stringify(await foreign.json())).toContain('gw-not-here');
  });
});
