import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../client.js';
import { createSite } from '../testing/factories/site.factory.js';
import { createTenant } from '../testing/factories/tenant.factory.js';
import { createTestDatabase, type TestDatabase } from '../testing/test-database.js';
import { testDatabaseTargets } from '../testing/test-database-target.js';
import type { AccessScope } from './access-scope.js';
import { ScopedPool } from './scoped-pool.js';

const [target] = await testDatabaseTargets();

// One connection (max: 1) serves callers in turn, so each test shows what the next checkout of the
// very same connection sees: the caller's scope, never the previous caller's, even though the pool
// no longer resets the connection on release.
describe(`ScopedPool on ${target?.name}`, () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let pool: ScopedPool;
  let scope: AccessScope | undefined;
  let orgA = '';
  let orgB = '';
  let siteA = '';

  const siteNames = async () =>
    ((await pool.query('SELECT name FROM site ORDER BY name')) as { rows: { name: string }[] }).rows.map(
      (r) => r.name,
    );

  beforeAll(async () => {
    db = await createTestDatabase(target!);
    prisma = createPrismaClient(db.url);
    orgA = (await createTenant(prisma)).id;
    orgB = (await createTenant(prisma)).id;
    siteA = (await createSite(prisma, { tenantId: orgA, name: 'A1' })).id;
    await createSite(prisma, { tenantId: orgA, name: 'A2' });
    await createSite(prisma, { tenantId: orgB, name: 'B1' });
    pool = new ScopedPool({ connectionString: db.url, max: 1 }, () => scope);
  });

  afterAll(async () => {
    await pool?.end();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('gives each checkout of the same connection its own caller’s scope', async () => {
    scope = { orgId: orgA, siteIds: [] };
    expect(await siteNames()).toEqual(['A1', 'A2']);
    scope = { orgId: orgB, siteIds: [] };
    expect(await siteNames()).toEqual(['B1']);
    scope = { orgId: null, siteIds: [siteA] };
    expect(await siteNames()).toEqual(['A1']);
    scope = undefined;
    expect(await siteNames()).toEqual([]);
    scope = { orgId: orgA, siteIds: [] };
    expect(await siteNames()).toEqual(['A1', 'A2']);
  });

  it('runs every checkout as the scoped role', async () => {
    scope = { orgId: orgB, siteIds: [] };
    const client: pg.PoolClient = await pool.connect();
    try {
      const { rows } = await client.query<{ role: string }>('SELECT current_user AS role');
      expect(rows[0]?.role).toBe('fleet_app');
    } finally {
      client.release();
    }
  });

  it('puts the scope back on a connection whose caller changed it, when the next caller differs', async () => {
    scope = { orgId: orgA, siteIds: [] };
    const client = await pool.connect();
    await client.query(`SET fleet.org_id = '${orgB}'`);
    client.release();
    scope = { orgId: null, siteIds: [siteA] };
    expect(await siteNames()).toEqual(['A1']);
  });

  it('refuses a scope holding anything but UUIDs before it reaches the database', async () => {
    scope = { orgId: "x'; RESET ROLE; --", siteIds: [] };
    await expect(siteNames()).rejects.toThrow(/non-UUID/);
    scope = { orgId: orgB, siteIds: [] };
    expect(await siteNames()).toEqual(['B1']);
  });
});
