import { createHash } from 'node:crypto';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient, ScopedPool } from '@fleet/db';
import {
  createTenant,
  createTestDatabase,
  createUser,
  type TestDatabase,
  testDatabaseTargets,
} from '@fleet/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const [target] = await testDatabaseTargets();
type TenantRows = { rows: Array<{ tenant_id: string }> };
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Row-level security behind the accounts tables (migration 20261228000000_accounts): whatever a
// repository's WHERE says, the API's scoped role sees only its own organisation's invitations
// and API keys, and no password reset token at all.
describe(`accounts tables under row-level security on ${target?.name}`, () => {
  let db: TestDatabase;
  let owner: PgPool;
  let prisma: PrismaClient;
  let scoped: ScopedPool;
  let orgA = '';
  let orgB = '';

  beforeAll(async () => {
    db = await createTestDatabase(target!);
    owner = createPgPool(db.url, 2);
    prisma = createPrismaClient(db.url);
    orgA = (await createTenant(prisma)).id;
    orgB = (await createTenant(prisma)).id;
    const user = await createUser(prisma, { tenantId: orgA });
    for (const tenantId of [orgA, orgB]) {
      await prisma.invitation.create({
        data: {
          tenantId,
          email: `i-${tenantId}@fleet.test`,
          role: 'owner',
          siteIds: [],
          tokenHash: sha256(tenantId),
          invitedBy: 'x',
          expiresAt: new Date(Date.now() + 60_000),
        },
      });
      await prisma.apiKey.create({
        data: { tenantId, name: 'k', scopes: ['read'], secretHash: sha256(`k${tenantId}`), createdBy: 'x' },
      });
    }
    await prisma.passwordReset.create({
      data: { userId: user.id, tokenHash: sha256('reset'), expiresAt: new Date(Date.now() + 60_000) },
    });
    // The caller is organisation B; the SQL below asks for everything.
    scoped = new ScopedPool({ connectionString: db.url, max: 1 }, () => ({ orgId: orgB, siteIds: [] }));
  });

  afterAll(async () => {
    await scoped?.end();
    await owner?.end();
    await prisma?.$disconnect();
    await db?.drop();
  });

  it('shows the scoped role only its own organisation’s invitations and API keys', async () => {
    const invitations = (await scoped.query('SELECT tenant_id FROM invitation')) as TenantRows;
    const keys = (await scoped.query('SELECT tenant_id FROM api_key')) as TenantRows;
    expect(invitations.rows.map((r) => r.tenant_id)).toEqual([orgB]);
    expect(keys.rows.map((r) => r.tenant_id)).toEqual([orgB]);
    const all = await owner.query('SELECT 1 FROM invitation');
    expect(all.rowCount).toBe(2);
  });

  it('refuses the scoped role a foreign row on insert and any access to reset tokens', async () => {
    await expect(
      scoped.query(
        `INSERT INTO api_key (id, tenant_id, name, scopes, secret_hash, created_by)
         VALUES (gen_random_uuid(), $1, 'sneaky', '{read}', 'h', 'x')`,
        [orgA],
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(scoped.query('SELECT 1 FROM password_reset')).rejects.toThrow(/permission denied/);
  });
});
