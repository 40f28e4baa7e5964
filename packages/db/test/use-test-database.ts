import { afterAll, beforeAll } from 'vitest';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '../src/client.js';
import { createTestDatabase, type TestDatabase, type TestDatabaseTarget } from '../src/testing/index.js';

export interface DatabaseContext {
  db: TestDatabase;
  pool: PgPool;
  prisma: PrismaClient;
}

/** A fresh migrated database for the enclosing describe block, with a pg pool and a Prisma client. */
export function useTestDatabase(target: TestDatabaseTarget): DatabaseContext {
  const context = {} as DatabaseContext;
  beforeAll(async () => {
    context.db = await createTestDatabase(target);
    context.pool = createPgPool(context.db.url);
    context.prisma = createPrismaClient(context.db.url);
  });
  afterAll(async () => {
    await context.pool?.end();
    await context.prisma?.$disconnect();
    await context.db?.drop();
  });
  return context;
}
