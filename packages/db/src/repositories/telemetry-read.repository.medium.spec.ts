import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '../client.js';
import {
  createBmsString,
  createTenant,
  createTestDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '../testing/index.js';
import { TelemetryReadRepository } from './telemetry-read.repository.js';

const targets = await testDatabaseTargets();

async function insert(pool: PgPool, stringId: string, ts: string, packVoltageDv: number): Promise<void> {
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct, state)
     VALUES ($1, $2, $3, -120, 181, 46, 99, 'discharge')`,
    [stringId, ts, packVoltageDv],
  );
}

describe.each(targets)('TelemetryReadRepository on $name', (target) => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let pool: PgPool;
  let sut: TelemetryReadRepository;

  beforeAll(async () => {
    db = await createTestDatabase(target);
    prisma = createPrismaClient(db.url);
    pool = createPgPool(db.url, 2);
    sut = new TelemetryReadRepository(pool);
  });

  afterAll(async () => {
    await prisma?.$disconnect();
    await pool?.end();
    await db?.drop();
  });

  it('returns the newest sample of the string, whatever the insert order', async () => {
    const string = await createBmsString(prisma);
    await insert(pool, string.id, '2026-11-25T12:00:10Z', 2470);
    await insert(pool, string.id, '2026-11-25T12:00:00Z', 2460);
    const latest = await sut.latestPackSample(string.tenantId, string.id);
    expect(latest).toMatchObject({
      stringId: string.id,
      ts: new Date('2026-11-25T12:00:10Z'),
      packVoltageDv: 2470,
      packCurrentDa: -120,
      state: 'discharge',
      cellMaxMv: null,
      chargeForbidden: null,
    });
  });

  it("returns nothing for another tenant's string, as for a string without samples", async () => {
    const string = await createBmsString(prisma);
    await insert(pool, string.id, '2026-11-25T12:00:00Z', 2460);
    const stranger = await createTenant(prisma);
    expect(await sut.latestPackSample(stranger.id, string.id)).toBeNull();
    const quiet = await createBmsString(prisma);
    expect(await sut.latestPackSample(quiet.tenantId, quiet.id)).toBeNull();
  });

  it('answers a ping', async () => {
    await expect(sut.ping()).resolves.toBeUndefined();
  });
});
