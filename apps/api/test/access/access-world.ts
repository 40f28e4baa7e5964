import { randomUUID } from 'node:crypto';
import { AlarmStore, type PgPool, type PrismaClient, type UserRole } from '@fleet/db';
import { createBmsString, createGateway, createSite, createTenant, createUser } from '@fleet/db/testing';
import { insertPackSample } from '../support/pack-sample-row.js';
import type { Caller } from './ops/op-spec.js';

export interface WorldUser {
  id: string;
  email: string;
  password: string;
  /** Bearer token, filled in by the walk after login. */
  token: string;
}

/**
 * The cast of the access tests. Tenant A (installer organisation) has a member of every role;
 * its site A1 is shared with its owner account and, by an active support grant, with the support
 * desk S; site A2 is shared with nobody. Tenant B is another installer whose org_admin is the
 * "foreign" caller. The pool and Prisma client connect as the tables' owner (no row-level
 * security), for building fixtures.
 */
export interface AccessWorld {
  pool: PgPool;
  prisma: PrismaClient;
  a: {
    tenantId: string;
    siteId: string;
    otherSiteId: string;
    gatewayId: string;
    stringId: string;
    otherStringId: string;
    channelId: string;
    alarmId: string;
  };
  b: { tenantId: string; siteId: string; stringId: string };
  supportOrgId: string;
  supportGrantId: string;
  users: Record<Caller, WorldUser>;
  /** Every id of tenant A the walk knows; a foreign caller's response must mention none. */
  aIds(): string[];
  /** A new open alarm on site A1's string (its own code, so it never merges with another). */
  newAlarm(): Promise<string>;
  /** A new webhook channel of tenant A. */
  newChannel(): Promise<string>;
  /** A new maintenance window on site A1, from tomorrow for an hour. */
  newMaintenanceWindow(): Promise<string>;
  /** A new support grant of site A1 to the desk, valid for a day (its own row, free to revoke). */
  newSupportGrant(): Promise<string>;
}

const ROLES_OF_A: readonly UserRole[] = ['org_admin', 'installer', 'technician', 'owner'];

/** Three organisations, tenant A's two sites, and one site of tenant B. */
async function seedPlaces(prisma: PrismaClient, pool: PgPool) {
  const tenantA = await createTenant(prisma, { name: 'Alpha Solar', kind: 'installer' });
  const tenantB = await createTenant(prisma, { name: 'Beta Energy', kind: 'installer' });
  const desk = await createTenant(prisma, { name: 'Pylontech Support Desk', kind: 'support_desk' });
  const site = await createSite(prisma, { tenantId: tenantA.id, name: 'A1 shared' });
  const otherSite = await createSite(prisma, { tenantId: tenantA.id, name: 'A2 private' });
  const gateway = await createGateway(prisma, { siteId: site.id });
  const otherGateway = await createGateway(prisma, { siteId: otherSite.id });
  const string = await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 0, name: 'A1 string' });
  const otherString = await createBmsString(prisma, { gatewayId: otherGateway.id, bmsAddress: 0 });
  const siteB = await createSite(prisma, { tenantId: tenantB.id, name: 'B1' });
  const gatewayB = await createGateway(prisma, { siteId: siteB.id });
  const stringB = await createBmsString(prisma, { gatewayId: gatewayB.id, bmsAddress: 0 });
  const sample = { packVoltageDv: 2400, packCurrentDa: 0, bmsTempDc: 170, socPct: 40, sohPct: 100 };
  await insertPackSample(pool, { stringId: string.id, ts: new Date().toISOString(), ...sample });
  return {
    tenantA,
    tenantB,
    desk,
    site,
    otherSite,
    gateway,
    otherGateway,
    string,
    otherString,
    siteB,
    stringB,
  };
}
type Places = Awaited<ReturnType<typeof seedPlaces>>;

/** One user per role of tenant A (the owner invited to A1), the desk's support user with its grant, B's admin. */
async function seedUsers(prisma: PrismaClient, p: Places) {
  const users = {} as Record<Caller, WorldUser>;
  for (const role of ROLES_OF_A) {
    const u = await createUser(prisma, { tenantId: p.tenantA.id, role, name: `A ${role}` });
    users[role] = { id: u.id, email: u.email, password: u.password, token: '' };
  }
  await prisma.siteMember.create({
    data: { siteId: p.site.id, userId: users.owner.id, createdBy: users.installer.id },
  });
  const support = await createUser(prisma, { tenantId: p.desk.id, role: 'support', name: 'Desk support' });
  users.support = { id: support.id, email: support.email, password: support.password, token: '' };
  const grant = await newGrant(prisma, p, users.installer.id, 7 * 86_400_000);
  const foreign = await createUser(prisma, { tenantId: p.tenantB.id, role: 'org_admin', name: 'B admin' });
  users.foreign = { id: foreign.id, email: foreign.email, password: foreign.password, token: '' };
  return { users, grantId: grant };
}

async function newGrant(prisma: PrismaClient, p: Places, by: string, validMs: number): Promise<string> {
  const created = await prisma.supportGrant.create({
    data: {
      tenantId: p.tenantA.id,
      siteId: p.site.id,
      granteeTenantId: p.desk.id,
      grantedBy: by,
      expiresAt: new Date(Date.now() + validMs),
    },
  });
  return created.id;
}

export async function seedAccessWorld(prisma: PrismaClient, pool: PgPool): Promise<AccessWorld> {
  const p = await seedPlaces(prisma, pool);
  const { users, grantId } = await seedUsers(prisma, p);
  const world: AccessWorld = {
    pool,
    prisma,
    a: {
      tenantId: p.tenantA.id,
      siteId: p.site.id,
      otherSiteId: p.otherSite.id,
      gatewayId: p.gateway.id,
      stringId: p.string.id,
      otherStringId: p.otherString.id,
      channelId: '',
      alarmId: '',
    },
    b: { tenantId: p.tenantB.id, siteId: p.siteB.id, stringId: p.stringB.id },
    supportOrgId: p.desk.id,
    supportGrantId: grantId,
    users,
    aIds: () => [
      p.tenantA.id,
      p.site.id,
      p.otherSite.id,
      p.gateway.id,
      p.otherGateway.id,
      p.string.id,
      p.otherString.id,
      world.a.channelId,
      world.a.alarmId,
    ],
    ...makers(prisma, pool, p, users),
  };
  world.a.channelId = await world.newChannel();
  world.a.alarmId = await world.newAlarm();
  return world;
}

/** The fixtures the walk creates per call, all on tenant A's shared site A1. */
function makers(prisma: PrismaClient, pool: PgPool, p: Places, users: Record<Caller, WorldUser>) {
  const { tenantA, site, string, gateway } = p;
  let alarmNo = 0;
  return {
    newAlarm: async () => {
      alarmNo += 1;
      const at = new Date();
      return new AlarmStore(pool).transaction(async (tx) => {
        const alarm = await tx.insertAlarm({
          tenantId: tenantA.id,
          siteId: site.id,
          stringId: string.id,
          gatewayId: gateway.id,
          subjectKey: `string:${string.id}`,
          code: `walk.test_${alarmNo}`,
          title: 'Access walk alarm',
          severity: 'warning',
          count: 1,
          flapping: false,
          firedAt: at,
        });
        await tx.transition(alarm, {}, { transition: 'fired', actor: 'system', at, notify: false });
        return alarm.id;
      });
    },
    newChannel: async () => {
      const id = randomUUID();
      await pool.query(
        `INSERT INTO notification_channel (id, tenant_id, kind, name, config, enabled)
         VALUES ($1, $2, 'webhook', $3, '{"url":"http://127.0.0.1:9/walk","format":"generic"}', false)`,
        [id, tenantA.id, `walk ${id.slice(0, 8)}`],
      );
      return id;
    },
    newMaintenanceWindow: async () => {
      const id = randomUUID();
      const start = new Date(Date.now() + 86_400_000);
      await pool.query(
        `INSERT INTO maintenance_window (id, tenant_id, site_id, starts_at, ends_at, reason, created_by)
         VALUES ($1, $2, $3, $4, $5, 'walk', $6)`,
        [id, tenantA.id, site.id, start, new Date(start.getTime() + 3_600_000), users.installer.id],
      );
      return id;
    },
    newSupportGrant: () => newGrant(prisma, p, users.installer.id, 86_400_000),
  };
}
