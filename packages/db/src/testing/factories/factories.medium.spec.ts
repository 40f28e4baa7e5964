import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../auth/password.js';
import { createPrismaClient, type PrismaClient } from '../../client.js';
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from '../index.js';
import { createBmsString } from './bms-string.factory.js';
import { createGateway } from './gateway.factory.js';
import { createMbmsGroup } from './mbms-group.factory.js';
import { createSite } from './site.factory.js';
import { createTenant } from './tenant.factory.js';
import { createUser } from './user.factory.js';

const [postgres] = await testDatabaseTargets();

describe('factories', () => {
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

  it('create valid rows with unique defaults, twice over, with parents as needed', async () => {
    for (let i = 0; i < 2; i++) {
      await createTenant(prisma);
      await createUser(prisma);
      await createSite(prisma);
      await createGateway(prisma);
      await createMbmsGroup(prisma);
      await createBmsString(prisma);
    }
    expect(await prisma.bmsString.count()).toBe(2);
    expect(await prisma.tenant.count()).toBe(2 + 2 + 2 + 2 + 2 + 2);
  });

  it('keep children consistent with the parents they are given', async () => {
    const site = await createSite(prisma);
    const gateway = await createGateway(prisma, { siteId: site.id });
    const string = await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 7 });
    expect(gateway.tenantId).toBe(site.tenantId);
    expect(string).toMatchObject({
      tenantId: site.tenantId,
      siteId: site.id,
      bmsAddress: 7,
      name: 'String 7',
    });
  });

  it('hash the user password and hand the plain one back', async () => {
    const user = await createUser(prisma, { password: 'secret-1', role: 'owner' });
    expect(user.role).toBe('owner');
    expect(await verifyPassword('secret-1', user.passwordHash)).toBe(true);
    expect(user.password).toBe('secret-1');
  });
});
