import type { PrismaClient } from '../client.js';
import type { ModuleType } from '../generated/prisma/client.js';
import { bmsStringData } from '../testing/factories/bms-string.factory.js';
import { gatewayData } from '../testing/factories/gateway.factory.js';
import { mbmsGroupData } from '../testing/factories/mbms-group.factory.js';
import { siteData } from '../testing/factories/site.factory.js';
import { tenantData } from '../testing/factories/tenant.factory.js';
import { stableUuid } from '../testing/factories/unique.js';
import { userData } from '../testing/factories/user.factory.js';
import { type DemoFleet, demoSiteCoordinates, loadDemoFleet } from './demo-fleet.js';

export interface SeedReport {
  created: string[];
  unchanged: string[];
}

// H48050: 15 cells per module (protocol reference §7, real 0x7320 frame). H48074's cell count is
// unconfirmed there, so it stays unset rather than guessed.
const CELLS_PER_MODULE: Partial<Record<ModuleType, number>> = { H48050: 15 };

/**
 * The demo fleet, built from the test factories. Idempotent: every entity is looked up by a
 * stable key (slug, e-mail, gateway id, derived UUID, wire identity) and created only when
 * missing, so a second run changes nothing.
 */
export async function seedDemo(
  db: PrismaClient,
  fleet: DemoFleet = loadDemoFleet(),
  log: (line: string) => void = () => {},
): Promise<SeedReport> {
  const report: SeedReport = { created: [], unchanged: [] };
  const ensure = async <T>(label: string, find: () => Promise<T | null>, create: () => Promise<T>) => {
    const found = await find();
    (found ? report.unchanged : report.created).push(label);
    log(`${found ? 'exists ' : 'created'} ${label}`);
    return found ?? (await create());
  };

  const { slug, name } = fleet.tenant;
  const tenant = await ensure(
    `tenant ${slug} (${name})`,
    () => db.tenant.findUnique({ where: { slug } }),
    () => db.tenant.create({ data: tenantData({ id: stableUuid(`tenant/${slug}`), name, slug }) }),
  );
  const { email, password } = fleet.installer;
  await ensure(
    `user ${email} (installer)`,
    () => db.user.findUnique({ where: { email } }),
    async () =>
      db.user.create({
        data: await userData({
          tenantId: tenant.id,
          email,
          name: fleet.installer.name,
          role: 'installer',
          password,
        }),
      }),
  );
  for (const gateway of fleet.gateways) {
    await seedSite(db, ensure, { id: tenant.id, slug }, gateway);
  }
  await seedPeople(db, ensure, { id: tenant.id, slug }, fleet);
  await seedSupportDesk(db, ensure, { id: tenant.id, slug }, fleet);
  return report;
}

const siteIdOf = (tenantSlug: string, gatewayId: string) => stableUuid(`site/${tenantSlug}/${gatewayId}`);

/** The tenant's other members; an owner is invited to the sites named by gateway id. */
async function seedPeople(
  db: PrismaClient,
  ensure: Ensure,
  tenant: { id: string; slug: string },
  fleet: DemoFleet,
): Promise<void> {
  for (const person of fleet.people) {
    const { email, password, name, role } = person;
    const user = await ensure(
      `user ${email} (${role})`,
      () => db.user.findUnique({ where: { email } }),
      async () =>
        db.user.create({ data: await userData({ tenantId: tenant.id, email, name, role, password }) }),
    );
    for (const gatewayId of person.sites ?? []) {
      const siteId = siteIdOf(tenant.slug, gatewayId);
      await ensure(
        `${email} invited to the site of ${gatewayId}`,
        () => db.siteMember.findUnique({ where: { siteId_userId: { siteId, userId: user.id } } }),
        () => db.siteMember.create({ data: { siteId, userId: user.id, createdBy: 'seed' } }),
      );
    }
  }
}

/** A support desk with one support user and a 90-day grant per listed site, renewed when expired. */
async function seedSupportDesk(
  db: PrismaClient,
  ensure: Ensure,
  tenant: { id: string; slug: string },
  fleet: DemoFleet,
): Promise<void> {
  const desk = fleet.supportDesk;
  if (!desk) {
    return;
  }
  const org = await ensure(
    `support desk ${desk.slug}`,
    () => db.tenant.findUnique({ where: { slug: desk.slug } }),
    () =>
      db.tenant.create({
        data: tenantData({
          id: stableUuid(`tenant/${desk.slug}`),
          name: desk.name,
          slug: desk.slug,
          kind: 'support_desk',
        }),
      }),
  );
  const { email, password, name } = desk.user;
  await ensure(
    `user ${email} (support)`,
    () => db.user.findUnique({ where: { email } }),
    async () =>
      db.user.create({ data: await userData({ tenantId: org.id, email, name, role: 'support', password }) }),
  );
  for (const gatewayId of desk.grantedSites) {
    const siteId = siteIdOf(tenant.slug, gatewayId);
    await ensure(
      `support grant of the site of ${gatewayId} to ${desk.slug}`,
      () =>
        db.supportGrant.findFirst({
          where: { siteId, granteeTenantId: org.id, revokedAt: null, expiresAt: { gt: new Date() } },
        }),
      () =>
        db.supportGrant.create({
          data: {
            tenantId: tenant.id,
            siteId,
            granteeTenantId: org.id,
            grantedBy: 'seed',
            note: 'demo',
            expiresAt: new Date(Date.now() + 90 * 86_400_000),
          },
        }),
    );
  }
}

type Ensure = <T>(label: string, find: () => Promise<T | null>, create: () => Promise<T>) => Promise<T>;

type DemoGateway = DemoFleet['gateways'][number];

async function seedSite(
  db: PrismaClient,
  ensure: Ensure,
  tenant: { id: string; slug: string },
  demo: DemoGateway,
): Promise<void> {
  const tenantId = tenant.id;
  const siteId = siteIdOf(tenant.slug, demo.gatewayId);
  await ensure(
    `site "${demo.site}"`,
    () => db.site.findUnique({ where: { id: siteId } }),
    () => db.site.create({ data: siteData({ id: siteId, tenantId, name: demo.site }) }),
  );
  // Sites seeded before they had coordinates get them now; coordinates set by hand stay.
  const coordinates = demoSiteCoordinates(demo);
  if (coordinates) {
    await db.site.updateMany({ where: { id: siteId, latitude: null, longitude: null }, data: coordinates });
  }
  await ensure(
    `gateway ${demo.gatewayId}`,
    () => db.gateway.findUnique({ where: { id: demo.gatewayId } }),
    () =>
      db.gateway.create({
        data: gatewayData({
          id: demo.gatewayId,
          tenantId,
          siteId,
          name: `Gateway ${demo.site.split(',')[0]}`,
        }),
      }),
  );
  const mbms = demo.mbms;
  const mbmsGroupId = mbms ? stableUuid(`mbms/${tenant.slug}/${demo.gatewayId}`) : null;
  if (mbms && mbmsGroupId) {
    await ensure(
      `MBMS1000 group "${mbms}" at "${demo.site}"`,
      () => db.mbmsGroup.findUnique({ where: { id: mbmsGroupId } }),
      () => db.mbmsGroup.create({ data: mbmsGroupData({ id: mbmsGroupId, siteId, name: mbms }) }),
    );
  }
  for (const bmsAddress of demo.addresses) {
    const key = { gatewayId: demo.gatewayId, bus: demo.bus, bmsAddress };
    await ensure(
      `string ${demo.gatewayId} ${demo.bus}/${bmsAddress} (${demo.modules} × ${demo.moduleType})`,
      () => db.bmsString.findUnique({ where: { gatewayId_bus_bmsAddress: key } }),
      () =>
        db.bmsString.create({
          data: bmsStringData({
            ...key,
            tenantId,
            siteId,
            mbmsGroupId,
            moduleType: demo.moduleType,
            moduleCount: demo.modules,
            cellsPerModule: CELLS_PER_MODULE[demo.moduleType] ?? null,
          }),
        }),
    );
  }
}
