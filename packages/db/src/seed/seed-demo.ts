import type { PrismaClient } from '../client.js';
import type { ModuleType } from '../generated/prisma/client.js';
import { bmsStringData } from '../testing/factories/bms-string.factory.js';
import { gatewayData } from '../testing/factories/gateway.factory.js';
import { mbmsGroupData } from '../testing/factories/mbms-group.factory.js';
import { siteData } from '../testing/factories/site.factory.js';
import { tenantData } from '../testing/factories/tenant.factory.js';
import { stableUuid } from '../testing/factories/unique.js';
import { userData } from '../testing/factories/user.factory.js';

export interface SeedReport {
  created: string[];
  unchanged: string[];
}

interface DemoString {
  bmsAddress: number;
  moduleType: ModuleType;
  moduleCount: number;
}

interface DemoSite {
  key: string;
  name: string;
  gatewayId: string;
  mbms: boolean;
  strings: DemoString[];
}

// H48050: 15 cells per module (protocol reference §7, real 0x7320 frame). H48074's cell count is
// unconfirmed there, so it stays unset rather than guessed.
const CELLS_PER_MODULE: Partial<Record<ModuleType, number>> = { H48050: 15 };

const DEMO_SITES: DemoSite[] = [
  {
    key: 'mueller',
    name: 'Haus Müller, Freiburg',
    gatewayId: 'gw-demo-1',
    mbms: false,
    strings: [{ bmsAddress: 0, moduleType: 'H48050', moduleCount: 8 }],
  },
  {
    key: 'schmidt',
    name: 'Hof Schmidt, Ulm',
    gatewayId: 'gw-demo-2',
    mbms: false,
    strings: [{ bmsAddress: 0, moduleType: 'H48074', moduleCount: 12 }],
  },
  {
    key: 'weber',
    name: 'Bäckerei Weber, Augsburg',
    gatewayId: 'gw-demo-3',
    mbms: true,
    strings: [
      { bmsAddress: 1, moduleType: 'H48074', moduleCount: 10 },
      { bmsAddress: 2, moduleType: 'H48074', moduleCount: 10 },
    ],
  },
];

/**
 * The demo fleet, built from the test factories. Idempotent: every entity is looked up by a
 * stable key (slug, e-mail, gateway id, derived UUID, wire identity) and created only when
 * missing, so a second run changes nothing.
 */
export async function seedDemo(
  db: PrismaClient,
  log: (line: string) => void = () => {},
): Promise<SeedReport> {
  const report: SeedReport = { created: [], unchanged: [] };
  const ensure = async <T>(label: string, find: () => Promise<T | null>, create: () => Promise<T>) => {
    const found = await find();
    (found ? report.unchanged : report.created).push(label);
    log(`${found ? 'exists ' : 'created'} ${label}`);
    return found ?? (await create());
  };

  const tenant = await ensure(
    'tenant demo (Demo Solar GmbH)',
    () => db.tenant.findUnique({ where: { slug: 'demo' } }),
    () =>
      db.tenant.create({
        data: tenantData({ id: stableUuid('tenant/demo'), name: 'Demo Solar GmbH', slug: 'demo' }),
      }),
  );
  await ensure(
    'user installer@demo.test (installer)',
    () => db.user.findUnique({ where: { email: 'installer@demo.test' } }),
    async () =>
      db.user.create({
        data: await userData({
          tenantId: tenant.id,
          email: 'installer@demo.test',
          name: 'Demo Installer',
          role: 'installer',
          password: 'demo-installer',
        }),
      }),
  );
  for (const demo of DEMO_SITES) {
    await seedSite(db, ensure, tenant.id, demo);
  }
  return report;
}

type Ensure = <T>(label: string, find: () => Promise<T | null>, create: () => Promise<T>) => Promise<T>;

async function seedSite(db: PrismaClient, ensure: Ensure, tenantId: string, demo: DemoSite): Promise<void> {
  const siteId = stableUuid(`site/demo/${demo.key}`);
  await ensure(
    `site "${demo.name}"`,
    () => db.site.findUnique({ where: { id: siteId } }),
    () => db.site.create({ data: siteData({ id: siteId, tenantId, name: demo.name }) }),
  );
  await ensure(
    `gateway ${demo.gatewayId}`,
    () => db.gateway.findUnique({ where: { id: demo.gatewayId } }),
    () =>
      db.gateway.create({
        data: gatewayData({
          id: demo.gatewayId,
          tenantId,
          siteId,
          name: `Gateway ${demo.name.split(',')[0]}`,
        }),
      }),
  );
  const mbmsGroupId = demo.mbms ? stableUuid(`mbms/demo/${demo.key}`) : null;
  if (mbmsGroupId) {
    await ensure(
      `MBMS1000 group at "${demo.name}"`,
      () => db.mbmsGroup.findUnique({ where: { id: mbmsGroupId } }),
      () => db.mbmsGroup.create({ data: mbmsGroupData({ id: mbmsGroupId, siteId, name: 'MBMS1000' }) }),
    );
  }
  for (const s of demo.strings) {
    const key = { gatewayId: demo.gatewayId, bus: 'can0', bmsAddress: s.bmsAddress };
    await ensure(
      `string ${demo.gatewayId} can0/${s.bmsAddress} (${s.moduleCount} × ${s.moduleType})`,
      () => db.bmsString.findUnique({ where: { gatewayId_bus_bmsAddress: key } }),
      () =>
        db.bmsString.create({
          data: bmsStringData({
            ...key,
            tenantId,
            siteId,
            mbmsGroupId,
            moduleType: s.moduleType,
            moduleCount: s.moduleCount,
            cellsPerModule: CELLS_PER_MODULE[s.moduleType] ?? null,
          }),
        }),
    );
  }
}
