// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories, as ingest would fill it
import * as db from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { startWebStack } from './web-stack.js';

export interface SiteViewStack {
  webUrl: string;
  user: { email: string; password: string };
  siteId: string;
  /** In an MBMS1000 group, with samples, a cell snapshot and energy. */
  stringId: string;
  /** Without a group and without any data. */
  quietStringId: string;
  /** The cell the snapshot makes weak: 0-based module and cell. */
  weak: { module: number; cell: number };
  /** The site's local day (Europe/Berlin) of the hour with energy. */
  energyDay: string;
  diagnostics(): string;
  stop(): Promise<void>;
}

/** 8 modules × 15 cells around 3 305 mV with ±3 mV of scatter; module 4, cell 7 is 48 mV low. */
export const WEAK = { module: 3, cell: 6 };
const grid = (): number[][] =>
  Array.from({ length: 8 }, (_, m) =>
    Array.from({ length: 15 }, (_, c) =>
      m === WEAK.module && c === WEAK.cell ? 3257 : 3305 + (((m * 15 + c) * 5) % 7) - 3,
    ),
  );
const temps = (): number[][] => Array.from({ length: 8 }, (_, m) => [231 + m, 228, 234, 230]);

/** A site with an MBMS1000 group of one reporting string, and one string without a group. */
async function seed(prisma: db.PrismaClient, pool: db.PgPool) {
  const tenant = await testing.createTenant(prisma);
  const user = await testing.createUser(prisma, { tenantId: tenant.id, name: 'Site View Installer' });
  const site = await testing.createSite(prisma, {
    tenantId: tenant.id,
    name: 'Hillside Farm',
    address: 'Lane 3',
  });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const group = await testing.createMbmsGroup(prisma, {
    siteId: site.id,
    name: 'Rack A',
    serial: 'MB1000X1',
  });
  const string = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    name: 'String North',
    moduleCount: 8,
    mbmsGroupId: group.id,
  });
  const quiet = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    bmsAddress: 1,
    name: 'String South',
  });
  const now = new Date();
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
       cell_max_mv, cell_min_mv, cell_temp_max_dc, cell_temp_min_dc, state)
     VALUES ($1, $2, 3966, -150, 240, 63, 97, 3308, 3257, 238, 228, 'discharge')`,
    [string.id, now],
  );
  await db.insertCellSnapshots(pool, [
    {
      stringId: string.id,
      snapshot: {
        kind: 'cells',
        ts: now.toISOString(),
        bus: 'can0',
        bmsAddress: 0,
        cellVoltagesMv: grid(),
        cellTempsDc: temps(),
      },
    },
  ]);
  // The previous full hour: 2 kWh charged, 1.5 kWh discharged (today in the site's zone, mostly).
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000);
  await pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples,
       energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
     VALUES ($1, $2, 360, 3600, 0, 2000, 1500, 0, 0, 0, 0, 0)`,
    [string.id, hour],
  );
  return {
    energyDay: new Intl.DateTimeFormat('en-CA', { timeZone: site.timezone }).format(hour),
    user: { email: user.email, password: user.password },
    siteId: site.id,
    stringId: string.id,
    quietStringId: quiet.id,
  };
}

/** A fresh migrated database with the seed, the built API and web app on free ports. */
export async function startSiteViewStack(root: string): Promise<SiteViewStack> {
  const stack = await startWebStack(root, { seed });
  return {
    ...stack.seed,
    webUrl: stack.webUrl,
    weak: WEAK,
    diagnostics: stack.diagnostics,
    stop: stack.stop,
  };
}
