import { randomBytes } from 'node:crypto';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import { createTestDatabase, type TestDatabase, type TestDatabaseTarget } from '@fleet/db/testing';
import { afterAll, beforeAll, expect } from 'vitest';
import { type RunningApi, startApi } from './start-api.js';

export interface Credentials {
  email: string;
  password: string;
}

/** A running API on its own fresh database, with small HTTP helpers. */
export interface ApiFixture<Seed> {
  seed: Seed;
  get(path: string, token?: string): Promise<Response>;
  post(path: string, body: unknown): Promise<Response>;
  /** Any request; `path` without the /api prefix. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  /** Logs in and returns the bearer token (asserting the login worked). */
  login(who: Credentials): Promise<string>;
}

/**
 * Registers beforeAll/afterAll in the calling describe: a database cloned from the migrated
 * template, the seed, and the real app on port 0. Fields are filled in before the first test.
 */
export function useApiFixture<Seed>(
  target: TestDatabaseTarget,
  seed: (prisma: PrismaClient, pool: PgPool) => Promise<Seed>,
): ApiFixture<Seed> {
  let db: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  let pool: PgPool | undefined;
  let api: RunningApi | undefined;
  const url = (path: string) => `${api?.baseUrl}/api${path}`;
  const fixture: ApiFixture<Seed> = {
    seed: undefined as Seed,
    fetch: (path, init) => fetch(url(path), init),
    get: (path, token) => fetch(url(path), { headers: token ? { authorization: `Bearer ${token}` } : {} }),
    post: (path, body) =>
      fetch(url(path), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    login: async (who) => {
      const response = await fixture.post('/auth/login', { email: who.email, password: who.password });
      expect(response.status).toBe(200);
      return ((await response.json()) as { token: string }).token;
    },
  };

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    pool = createPgPool(db.url, 2);
    fixture.seed = await seed(prisma, pool);
    api = await startApi(db.url, randomBytes(32).toString('hex'));
  });

  afterAll(async () => {
    await api?.close();
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  return fixture;
}
