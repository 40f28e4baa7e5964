import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '../client.js';
import {
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  testDatabaseTargets,
} from '../testing/index.js';
import { UserRepository } from './user.repository.js';

const targets = await testDatabaseTargets();

describe.each(targets)('UserRepository on $name', (target) => {
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

  it('finds credentials by email in any letter case', async () => {
    const user = await createUser(prisma);
    const sut = new UserRepository(prisma);
    const found = await sut.findCredentialsByEmail(user.email.toUpperCase());
    expect(found).toMatchObject({ id: user.id, tenantId: user.tenantId, passwordHash: user.passwordHash });
    expect(await sut.findCredentialsByEmail('nobody@fleet.test')).toBeNull();
  });

  it('reads a profile only inside its tenant, without the hash', async () => {
    const user = await createUser(prisma);
    const sut = new UserRepository(prisma);
    const profile = await sut.findProfile(user.tenantId, user.id);
    expect(profile).toEqual({
      id: user.id,
      tenantId: user.tenantId,
      email: user.email,
      name: user.name,
      role: user.role,
      locale: 'en',
    });
    expect(await sut.findProfile((await createTenant(prisma)).id, user.id)).toBeNull();
  });
});
