import type { PgPool, PrismaClient } from '@fleet/db';
import { createBmsString, createGateway, createSite, createTenant, createUser } from '@fleet/db/testing';
import type { Credentials } from '../support/api-fixture.js';

/**
 * Tenant A: site "Harbour" (coordinates, a critical alarm, strings H1 charging and H2 stale) and
 * site "Mill" (no coordinates, strings M1 discharging and M2 never reported); its installer, an
 * owner of Mill only, and a support desk with a grant on Harbour only. Tenant B: one site and
 * string and its org_admin.
 */
export interface FleetWorld {
  a: {
    tenantId: string;
    harbourId: string;
    millId: string;
    strings: Record<'h1' | 'h2' | 'm1' | 'm2', string>;
  };
  b: { siteId: string; stringId: string };
  installer: Credentials;
  technician: Credentials;
  owner: Credentials;
  support: Credentials;
  foreign: Credentials;
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function latest(pool: PgPool, stringId: string, ts: Date, soc: number, soh: number, state: string) {
  await pool.query(
    `INSERT INTO string_latest (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct, state)
     VALUES ($1, $2, 4000, 0, 200, $3, $4, $5)`,
    [stringId, ts, soc, soh, state],
  );
}

async function places(prisma: PrismaClient, pool: PgPool) {
  const tenant = await createTenant(prisma, { name: 'Alpha Solar' });
  const harbour = await createSite(prisma, {
    tenantId: tenant.id,
    name: 'Harbour',
    address: 'Quay 7, Hamburg',
    latitude: 53.54,
    longitude: 9.98,
  });
  const mill = await createSite(prisma, { tenantId: tenant.id, name: 'Mill', address: 'Mill Lane 2' });
  const gwH = await createGateway(prisma, { siteId: harbour.id });
  const gwM = await createGateway(prisma, { siteId: mill.id });
  const strings = {
    h1: (await createBmsString(prisma, { gatewayId: gwH.id, bmsAddress: 0, name: 'H1' })).id,
    h2: (await createBmsString(prisma, { gatewayId: gwH.id, bmsAddress: 1, name: 'H2' })).id,
    m1: (await createBmsString(prisma, { gatewayId: gwM.id, bmsAddress: 0, name: 'M1' })).id,
    m2: (await createBmsString(prisma, { gatewayId: gwM.id, bmsAddress: 1, name: 'M2' })).id,
  };
  await latest(pool, strings.h1, ago(1), 70, 96, 'charge');
  await latest(pool, strings.h2, ago(40), 30, 90, 'idle');
  await latest(pool, strings.m1, ago(2), 50, 99, 'discharge');
  await pool.query(
    `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status,
                        first_fired_at, last_fired_at)
     VALUES (gen_random_uuid(), $1, $2, $3::uuid, 'string:' || $3::text, 'fleet.test', 't', 'critical', 'open',
             now(), now())`,
    [tenant.id, harbour.id, strings.h1],
  );
  const siteB = await createSite(prisma, { name: 'Beta Yard', latitude: 1, longitude: 2 });
  const stringB = await createBmsString(prisma, { siteId: siteB.id, name: 'B1' });
  await latest(pool, stringB.id, ago(1), 10, 80, 'charge');
  return { tenant, harbour, mill, strings, siteB, stringB };
}

export async function seedFleetWorld(prisma: PrismaClient, pool: PgPool): Promise<FleetWorld> {
  const p = await places(prisma, pool);
  const installer = await createUser(prisma, { tenantId: p.tenant.id, role: 'installer' });
  const technician = await createUser(prisma, { tenantId: p.tenant.id, role: 'technician' });
  const owner = await createUser(prisma, { tenantId: p.tenant.id, role: 'owner' });
  await prisma.siteMember.create({ data: { siteId: p.mill.id, userId: owner.id, createdBy: installer.id } });
  const desk = await createTenant(prisma, { name: 'Desk', kind: 'support_desk' });
  const support = await createUser(prisma, { tenantId: desk.id, role: 'support' });
  await prisma.supportGrant.create({
    data: {
      tenantId: p.tenant.id,
      siteId: p.harbour.id,
      granteeTenantId: desk.id,
      grantedBy: installer.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const foreign = await createUser(prisma, { tenantId: p.siteB.tenantId, role: 'org_admin' });
  const creds = (u: { email: string; password: string }) => ({ email: u.email, password: u.password });
  return {
    a: { tenantId: p.tenant.id, harbourId: p.harbour.id, millId: p.mill.id, strings: p.strings },
    b: { siteId: p.siteB.id, stringId: p.stringB.id },
    installer: creds(installer),
    technician: creds(technician),
    owner: creds(owner),
    support: creds(support),
    foreign: creds(foreign),
  };
}
