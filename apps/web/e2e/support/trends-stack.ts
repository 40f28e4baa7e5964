// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories, as the rollup job would fill it
import type { PgPool, PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { startWebStack } from './web-stack.js';

// The stack of read-path-stack.ts (fresh database, built API, `next start`) with a history to
// chart: hourly rollups for the last eight days of two strings of one site, one hole of six hours
// in the first (no rollup rows, and the `data_gap` row the gap detector writes), and a third string
// on another site for the comparison search.

const HOUR_MS = 3_600_000;

export interface TrendsStack {
  webUrl: string;
  user: { email: string; password: string };
  stringId: string;
  /** Same site, same history without the hole (SOH one point lower). */
  siblingId: string;
  /** The planted hole, [from, to) on whole hours. */
  gap: { from: Date; to: Date };
  /** Hourly rows stored for the main string (the gap's hours left out). */
  hoursStored: number;
  diagnostics(): string;
  stop(): Promise<void>;
}

async function seedStrings(prisma: PrismaClient) {
  const tenant = await testing.createTenant(prisma);
  const user = await testing.createUser(prisma, { tenantId: tenant.id, name: 'E2E Installer' });
  const site = await testing.createSite(prisma, { tenantId: tenant.id, name: 'Harbour Depot' });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const main = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    name: 'String East',
    moduleCount: 8,
  });
  const sibling = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    bmsAddress: 1,
    name: 'String West',
    moduleCount: 8,
  });
  const far = await testing.createSite(prisma, { tenantId: tenant.id, name: 'Mill Lane' });
  const farGateway = await testing.createGateway(prisma, { siteId: far.id });
  await testing.createBmsString(prisma, { gatewayId: farGateway.id, name: 'Mill Rack' });
  return { user, mainId: main.id, siblingId: sibling.id };
}

/**
 * What the rollup job writes for full hours [first, last] (hour indexes from `origin`), less the
 * hours in `skip`: 60 samples, SOC swinging over the day, 2 kWh in and 1.8 kWh out per hour.
 */
async function storeHours(
  pool: PgPool,
  stringId: string,
  origin: Date,
  hours: { first: number; last: number; skip: [number, number] | null; soh: number },
): Promise<number> {
  const { rowCount } = await pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples,
            energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s,
            soh_last_pct, soc_min_pct, soc_max_pct, pack_voltage_avg_dv, pack_current_avg_da,
            cell_max_mv_max, cell_min_mv_min, cell_spread_max_mv, cell_spread_avg_mv,
            bms_temp_min_dc, bms_temp_max_dc, cell_temp_min_dc, cell_temp_max_dc)
     SELECT $1, $2::timestamptz + h * interval '1 hour', 60, 3600, 60, 2000, 1800, 0, 1800, 1800, 0, 0,
            $5, 40 + (h % 24), 45 + (h % 24), 4000 + (h % 24), 20 - (h % 24), 3350, 3310, 40 + (h % 5), 30,
            200, 240, 190 + (h % 24), 230 + (h % 24)
       FROM generate_series($3::int, $4::int) h
      WHERE $6::int IS NULL OR h NOT BETWEEN $6::int AND $7::int`,
    [stringId, origin, hours.first, hours.last, hours.soh, hours.skip?.[0] ?? null, hours.skip?.[1] ?? null],
  );
  return rowCount ?? 0;
}

async function seedHistory(pool: PgPool, ids: { mainId: string; siblingId: string }) {
  // Hour 0 is the last full hour; eight days back covers the 7-day range wholly.
  const origin = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS - HOUR_MS);
  const span = { first: -8 * 24, last: 0 };
  const gapHours: [number, number] = [-50, -45];
  const stored = await storeHours(pool, ids.mainId, origin, { ...span, skip: gapHours, soh: 97 });
  await storeHours(pool, ids.siblingId, origin, { ...span, skip: null, soh: 96 });
  const gap = {
    from: new Date(origin.getTime() + gapHours[0] * HOUR_MS),
    to: new Date(origin.getTime() + (gapHours[1] + 1) * HOUR_MS),
  };
  await pool.query('INSERT INTO data_gap (string_id, gap_start, gap_end) VALUES ($1, $2, $3)', [
    ids.mainId,
    gap.from,
    gap.to,
  ]);
  await pool.query('UPDATE bms_string SET last_sample_at = $2 WHERE id = ANY($1::uuid[])', [
    [ids.mainId, ids.siblingId],
    new Date(origin.getTime() + HOUR_MS),
  ]);
  return { gap, hoursStored: stored };
}

/** A fresh database with the history above, the built API and web app answering. */
export async function startTrendsStack(root: string): Promise<TrendsStack> {
  const stack = await startWebStack(root, {
    seed: async (prisma, pool) => {
      const seeded = await seedStrings(prisma);
      return { seeded, history: await seedHistory(pool, seeded) };
    },
  });
  const { seeded, history } = stack.seed;
  return {
    webUrl: stack.webUrl,
    user: { email: seeded.user.email, password: seeded.user.password },
    stringId: seeded.mainId,
    siblingId: seeded.siblingId,
    ...history,
    diagnostics: stack.diagnostics,
    stop: stack.stop,
  };
}
