import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.js';
import { createPrismaClient, type PrismaClient } from '../client.js';
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from '../testing/index.js';
import { loadDemoFleet } from './demo-fleet.js';
import { seedDemo } from './seed-demo.js';

const [postgres] = await testDatabaseTargets();

describe('seedDemo', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  beforeAll(async () => {
    db = await createTestDatabase(postgres!);
    prisma = createPrismaClient(db.url);
  });
  afterAll(async () => {
    await prisma.$disconnect();
    await db.drop();
  });

  it('creates the demo fleet once; a second run changes nothing', async () => {
    const lines: string[] = [];
    const first = await seedDemo(prisma, loadDemoFleet(), (l) => lines.push(l));
    const snapshot = await dump(prisma);
    const second = await seedDemo(prisma);

    expect(first.unchanged).toEqual([]);
    // tenant, installer, 3 sites, 3 gateways, 1 MBMS, 4 strings, 3 people + 1 invitation,
    // the desk, its user and its grant.
    expect(first.created).toHaveLength(1 + 1 + 3 + 3 + 1 + 4 + 3 + 1 + 3);
    expect(lines[0]).toBe('created tenant demo (Demo Solar GmbH)');
    expect(second.created).toEqual([]);
    expect(second.unchanged).toEqual(first.created);
    expect(await dump(prisma)).toEqual(snapshot);
  });

  it('has the installer with the documented password', async () => {
    const user = await prisma.user.findUniqueOrThrow({
      where: { email: 'installer@demo.test' },
      include: { tenant: true },
    });
    expect(user).toMatchObject({ role: 'installer', tenant: { slug: 'demo', name: 'Demo Solar GmbH' } });
    expect(await verifyPassword('demo-installer', user.passwordHash)).toBe(true);
  });

  it('has an owner who sees one site and a support desk granted another', async () => {
    const owner = await prisma.user.findUniqueOrThrow({
      where: { email: 'owner@demo.test' },
      include: { siteMemberships: { include: { site: true } } },
    });
    expect(owner.role).toBe('owner');
    expect(owner.siteMemberships.map((m) => m.site.name)).toEqual(['Haus Müller, Freiburg']);
    expect(await verifyPassword('demo-owner', owner.passwordHash)).toBe(true);
    const grants = await prisma.supportGrant.findMany({ include: { site: true, grantee: true } });
    expect(grants.map((g) => [g.site.name, g.grantee.kind, g.revokedAt])).toEqual([
      ['Bäckerei Weber, Augsburg', 'support_desk', null],
    ]);
    expect(grants[0]!.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('has the three sites with their gateways and strings', async () => {
    const strings = await prisma.bmsString.findMany({
      include: { site: true, mbmsGroup: true },
      orderBy: [{ gatewayId: 'asc' }, { bmsAddress: 'asc' }],
    });
    expect(
      strings.map((s) => [
        s.site.name,
        s.gatewayId,
        s.bus,
        s.bmsAddress,
        s.moduleCount,
        s.moduleType,
        !!s.mbmsGroup,
      ]),
    ).toEqual([
      ['Haus Müller, Freiburg', 'gw-demo-1', 'can0', 0, 8, 'H48050', false],
      ['Hof Schmidt, Ulm', 'gw-demo-2', 'can0', 0, 12, 'H48074', false],
      ['Bäckerei Weber, Augsburg', 'gw-demo-3', 'can0', 1, 10, 'H48074', true],
      ['Bäckerei Weber, Augsburg', 'gw-demo-3', 'can0', 2, 10, 'H48074', true],
    ]);
    expect(strings[0]!.cellsPerModule).toBe(15);
    expect(strings[2]!.mbmsGroupId).toBe(strings[3]!.mbmsGroupId);
  });
});

async function dump(prisma: PrismaClient) {
  return {
    tenants: await prisma.tenant.findMany({ orderBy: { id: 'asc' } }),
    users: await prisma.user.findMany({ orderBy: { id: 'asc' } }),
    sites: await prisma.site.findMany({ orderBy: { id: 'asc' } }),
    gateways: await prisma.gateway.findMany({ orderBy: { id: 'asc' } }),
    groups: await prisma.mbmsGroup.findMany({ orderBy: { id: 'asc' } }),
    strings: await prisma.bmsString.findMany({ orderBy: { id: 'asc' } }),
  };
}
