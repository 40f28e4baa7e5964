import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../client.js';
import {
  createBmsString,
  createGateway,
  createMbmsGroup,
  createSite,
  createTenant,
  createTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../testing/index.js';
import { BmsStringRepository } from './bms-string.repository.js';
import { SiteRepository } from './site.repository.js';

const targets = await testDatabaseTargets();

describe.each(targets)('SiteRepository and BmsStringRepository on $name', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await db?.drop();
  });

  it("lists only the tenant's sites, with strings by name and gateway ids", async () => {
    const tenant = await createTenant(prisma);
    const site = await createSite(prisma, { tenantId: tenant.id, name: 'B site' });
    const empty = await createSite(prisma, { tenantId: tenant.id, name: 'A site' });
    const gateway = await createGateway(prisma, { siteId: site.id });
    await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 1, name: 'Zulu' });
    await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 0, name: 'Alpha' });
    await createSite(prisma);
    const sut = new SiteRepository(prisma);
    const sites = await sut.listWithStrings(tenant.id);
    expect(sites.map((s) => s.id)).toEqual([empty.id, site.id]);
    expect(sites[1]?.strings.map((s) => s.name)).toEqual(['Alpha', 'Zulu']);
    expect(sites[1]?.gatewayIds).toEqual([gateway.id]);
  });

  it('details a site with its MBMS groups, and nothing for another tenant', async () => {
    const gateway = await createGateway(prisma);
    const group = await createMbmsGroup(prisma, { siteId: gateway.siteId });
    const string = await createBmsString(prisma, { gatewayId: gateway.id, mbmsGroupId: group.id });
    const sut = new SiteRepository(prisma);
    const detail = await sut.findDetail(gateway.tenantId, gateway.siteId);
    expect(detail?.mbmsGroups).toEqual([
      { id: group.id, name: group.name, serial: null, stringIds: [string.id] },
    ]);
    expect(detail?.gateways.map((g) => g.id)).toEqual([gateway.id]);
    const stranger = await createTenant(prisma);
    expect(await sut.findDetail(stranger.id, gateway.siteId)).toBeNull();
  });

  it('finds a string with its site only inside its tenant', async () => {
    const string = await createBmsString(prisma);
    const sut = new BmsStringRepository(prisma);
    expect(await sut.findDetail(string.tenantId, string.id)).toMatchObject({
      id: string.id,
      site: { id: string.siteId },
    });
    const stranger = await createTenant(prisma);
    expect(await sut.findDetail(stranger.id, string.id)).toBeNull();
  });
});
