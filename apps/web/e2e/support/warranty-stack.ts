// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories, as the rollup job would fill it
import type { PgPool, PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { startWebStack } from './web-stack.js';

// The stack of read-path-stack.ts (fresh database, built API, `next start`) with a warranty life
// to judge: an org admin, a site without a warranty region, a string of 3 × H48050 (7.2 kWh) with
// three serial-numbered modules, 200 days of daily rollups (5 kWh out a day, SOH falling from 100 %
// to 98 %) and one hour whose hottest cell reached 56.0 °C (an excursion once terms say 50 °C).

const DAY_MS = 86_400_000;

export interface WarrantyStack {
  webUrl: string;
  admin: { email: string; password: string };
  stringId: string;
  /** First day of the seeded history (midnight UTC): the commissioning day the test enters. */
  firstDay: Date;
  /** Start of the hot hour. */
  hotHour: Date;
  diagnostics(): string;
  stop(): Promise<void>;
}

async function seed(prisma: PrismaClient, pool: PgPool) {
  const tenant = await testing.createTenant(prisma);
  const admin = await testing.createUser(prisma, {
    tenantId: tenant.id,
    name: 'E2E Admin',
    role: 'org_admin',
  });
  const site = await testing.createSite(prisma, { tenantId: tenant.id, name: 'Harbour Depot' });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const string = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    name: 'String East',
    moduleCount: 3,
  });
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const firstDay = new Date(today - 200 * DAY_MS);
  for (const position of [1, 2, 3]) {
    await pool.query(
      `INSERT INTO bms_module (id, string_id, position, module_type, serial, first_seen_at, last_seen_at)
       VALUES (gen_random_uuid(), $1, $2, 'H48050', $3, $4, now())`,
      [string.id, position, `PPTBH0200${position}`, firstDay],
    );
  }
  const zeroes =
    'samples, covered_s, cell_spread_samples, energy_in_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s';
  for (let d = 0; d < 200; d += 1) {
    await pool.query(
      `INSERT INTO string_rollup_1d (string_id, bucket_start, ${zeroes}, energy_out_wh, soh_last_pct)
       VALUES ($1, $2, 1, 86400, 0, 0, 0, 0, 0, 0, 0, 5000, $3)`,
      [string.id, new Date(firstDay.getTime() + d * DAY_MS), 100 - Math.floor(d / 80)],
    );
  }
  const hotHour = new Date(today - 10 * DAY_MS + 14 * 3_600_000);
  await pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, ${zeroes}, energy_out_wh, cell_temp_min_dc,
       cell_temp_max_dc, cell_min_mv_min, cell_max_mv_max)
     VALUES ($1, $2, 1, 3600, 0, 0, 0, 0, 0, 0, 0, 0, 250, 560, 3250, 3420)`,
    [string.id, hotHour],
  );
  return { admin: { email: admin.email, password: admin.password }, stringId: string.id, firstDay, hotHour };
}

/** A fresh migrated database with the seed above; the built API and web app answering before this resolves. */
export async function startWarrantyStack(root: string): Promise<WarrantyStack> {
  const stack = await startWebStack(root, { seed });
  return { ...stack.seed, webUrl: stack.webUrl, diagnostics: stack.diagnostics, stop: stack.stop };
}
