import type { PgPool, PrismaClient } from '@fleet/db';
import { createBmsString, createGateway, createSite, createTenant, createUser } from '@fleet/db/testing';
import type { Credentials } from './api-fixture.js';
import { insertPackSample } from './pack-sample-row.js';

export interface TwoTenants {
  /** Tenant A: one site, one gateway, a string with two samples and a string without any. */
  a: Credentials & { siteId: string; gatewayId: string; stringId: string; quietStringId: string };
  /** Tenant B: a user and nothing else. */
  b: Credentials;
}

/** The newest of the two samples of tenant A's string; what /latest must return. */
export const NEWEST_SAMPLE = {
  ts: '2026-11-25T12:00:05.000Z',
  packVoltageDv: 2469,
  packCurrentDa: -120,
  bmsTempDc: 181,
  socPct: 46,
  sohPct: 99,
  cellMaxMv: 3350,
  cellMinMv: 3310,
  cellMaxNo: 12,
  cellMinNo: 40,
  cellTempMaxDc: 215,
  cellTempMinDc: 190,
  state: 'discharge',
  alarmBits: 0,
} as const;

export async function seedTwoTenants(prisma: PrismaClient, pool: PgPool): Promise<TwoTenants> {
  const tenant = await createTenant(prisma);
  const user = await createUser(prisma, { tenantId: tenant.id, name: 'Ada Installer' });
  const site = await createSite(prisma, { tenantId: tenant.id, name: 'Alpha Farm', address: '1 Main St' });
  const gateway = await createGateway(prisma, { siteId: site.id });
  const string = await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 0, name: 'String A' });
  const quiet = await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 1, name: 'String Q' });
  const other = await createUser(prisma);
  const older = { packVoltageDv: 2400, packCurrentDa: 0, bmsTempDc: 170, socPct: 40, sohPct: 100 };
  await insertPackSample(pool, { stringId: string.id, ts: '2026-11-25T12:00:00.000Z', ...older });
  await insertPackSample(pool, { stringId: string.id, ...NEWEST_SAMPLE });
  return {
    a: {
      email: user.email,
      password: user.password,
      siteId: site.id,
      gatewayId: gateway.id,
      stringId: string.id,
      quietStringId: quiet.id,
    },
    b: { email: other.email, password: other.password },
  };
}
