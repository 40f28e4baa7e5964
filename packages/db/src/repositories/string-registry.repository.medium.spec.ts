import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '../client.js';
import {
  createBmsString,
  createGateway,
  createTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
  uniqueSuffix,
} from '../testing/index.js';
import { StringRegistryRepository, stringKey } from './string-registry.repository.js';

const targets = await testDatabaseTargets();

describe.each(targets)('StringRegistryRepository on $name', (target) => {
  let db: TestDatabase;
  let pool: PgPool;
  let prisma: PrismaClient;
  let sut: StringRegistryRepository;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    pool = createPgPool(db.url);
    prisma = createPrismaClient(db.url);
    sut = new StringRegistryRepository(pool);
  });
  afterAll(async () => {
    await pool.end();
    await prisma.$disconnect();
    await db.drop();
  });

  it('reports an unknown gateway as such and registers nothing', async () => {
    const result = await sut.resolve(`gw-${uniqueSuffix()}`, [{ bus: 'can0', bmsAddress: 0 }]);
    expect(result).toEqual({ gateway: 'unknown' });
  });

  it('maps known strings to their ids', async () => {
    const string = await createBmsString(prisma, { bus: 'can1', bmsAddress: 4 });
    const result = await sut.resolve(string.gatewayId, [{ bus: 'can1', bmsAddress: 4 }]);
    expect(result).toEqual({ gateway: 'known', ids: new Map([['can1#4', string.id]]), discovered: [] });
  });

  it('registers a string seen for the first time under the gateway tenant and site', async () => {
    const gateway = await createGateway(prisma);
    const result = await sut.resolve(gateway.id, [
      { bus: 'can0', bmsAddress: 3 },
      { bus: 'can0', bmsAddress: 3 },
    ]);

    expect(result.gateway === 'known' && result.discovered).toEqual([{ bus: 'can0', bmsAddress: 3 }]);
    const registered = await prisma.bmsString.findUniqueOrThrow({
      where: { gatewayId_bus_bmsAddress: { gatewayId: gateway.id, bus: 'can0', bmsAddress: 3 } },
    });
    expect(registered).toMatchObject({
      name: 'String 3',
      tenantId: gateway.tenantId,
      siteId: gateway.siteId,
    });
    expect(result.gateway === 'known' && result.ids.get(stringKey({ bus: 'can0', bmsAddress: 3 }))).toBe(
      registered.id,
    );
  });

  it('gives concurrent discoverers of the same string the same id', async () => {
    const gateway = await createGateway(prisma);
    const keys = [
      { bus: 'can0', bmsAddress: 1 },
      { bus: 'can0', bmsAddress: 2 },
    ];
    const results = await Promise.all([1, 2, 3, 4].map(() => sut.resolve(gateway.id, keys)));
    const ids = results.map((r) => (r.gateway === 'known' ? [...r.ids.values()].sort() : []));
    expect(new Set(ids.map((i) => i.join()))).toHaveProperty('size', 1);
    expect(await prisma.bmsString.count({ where: { gatewayId: gateway.id } })).toBe(2);
  });
});
