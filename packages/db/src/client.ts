import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';

export type { Prisma } from './generated/prisma/client.js';
export { PrismaClient };

/**
 * Builds a PrismaClient over a pg pool. Apps construct it at their composition root;
 * nothing is created on import, so tests can point each client at their own database.
 */
export function createPrismaClient(databaseUrl: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) });
}

/** A PrismaClient over an existing pool (the API's ScopedPool, whose connections carry a scope). */
export function createPrismaClientOnPool(pool: pg.Pool): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(pool) });
}

/** A pg pool for the raw-SQL hot paths (time series), beside Prisma for relational data. */
export function createPgPool(databaseUrl: string, max = 10): pg.Pool {
  return new pg.Pool({ connectionString: databaseUrl, max });
}

export type PgPool = pg.Pool;
