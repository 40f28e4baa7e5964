import type { PgPool, PrismaClient } from '@fleet/db';
import { BmsEventRepository } from '@fleet/db';
import { type AccessWorld, seedAccessWorld } from '../access/access-world.js';

export const DAY_MS = 86_400_000;
/** The seeded period: 20 whole UTC days ending with today. */
export const PERIOD_DAYS = 20;
export const periodOf = (now = Date.now()) => {
  const to = Math.floor(now / DAY_MS) * DAY_MS + DAY_MS;
  return { from: new Date(to - PERIOD_DAYS * DAY_MS), to: new Date(to) };
};

/**
 * String A1 of the access world with what a pack is made of: 3 modules (one with a serial), a
 * day rollup for every day of the period but the 5th (SOH falling, energy in and out), a data gap
 * of 6 hours on day 8, a BMS event and the world's open alarm (fired now).
 */
export async function seedEvidence(prisma: PrismaClient, pool: PgPool): Promise<AccessWorld> {
  const w = await seedAccessWorld(prisma, pool);
  const { from } = periodOf();
  const at = (day: number, hour = 0) => new Date(from.getTime() + day * DAY_MS + hour * 3_600_000);
  await pool.query(`UPDATE bms_string SET module_type = 'H48050' WHERE id = $1`, [w.a.stringId]);
  await new BmsEventRepository(pool).storeBatch({
    gatewayId: w.a.gatewayId,
    msgId: 'evidence:b:e0',
    events: [
      {
        idx: 0,
        stringId: w.a.stringId,
        ts: at(1, 6),
        kind: 'composition',
        body: { kind: 'composition', moduleCount: 3 },
        composition: { stringId: w.a.stringId, at: at(1, 6), moduleCount: 3 },
      },
    ],
  });
  await pool.query(`UPDATE bms_module SET serial = 'PPTBH0123456789' WHERE string_id = $1 AND position = 2`, [
    w.a.stringId,
  ]);
  await pool.query(
    `INSERT INTO string_rollup_1d (string_id, bucket_start, samples, covered_s, cell_spread_samples,
            energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s,
            soh_min_pct, soh_last_pct, first_ts, last_ts)
     SELECT $1, $2::timestamptz + d * interval '1 day', 8000, 86400 - (CASE WHEN d = 7 THEN 21600 ELSE 0 END),
            0, 3000 + d * 10, 2500 + d * 10, 0, 0, 0, 0, 0, 99 - d / 5, 99 - d / 5,
            $2::timestamptz + d * interval '1 day', $2::timestamptz + (d + 1) * interval '1 day' - interval '10 s'
       FROM generate_series(0, $3::int - 1) d WHERE d <> 4`,
    [w.a.stringId, from, PERIOD_DAYS],
  );
  await pool.query(`INSERT INTO data_gap (string_id, gap_start, gap_end) VALUES ($1, $2, $3)`, [
    w.a.stringId,
    at(7, 6),
    at(7, 12),
  ]);
  await seedWarranty(pool, w, at);
  return w;
}

/** Install record, EU terms with a 45 °C cell limit, and one hour at 50 °C on day 3: one excursion. */
async function seedWarranty(
  pool: PgPool,
  w: AccessWorld,
  at: (day: number, hour?: number) => Date,
): Promise<void> {
  await pool.query(`UPDATE site SET warranty_region = 'EU' WHERE id = $1`, [w.a.siteId]);
  await pool.query(
    `INSERT INTO warranty_terms (id, tenant_id, module_type, region, term_years, cell_temp_max_dc, valid_from, source, updated_by)
     VALUES (gen_random_uuid(), $1, 'H48050', 'EU', 10, 450, $2::date, 'test terms', $3)`,
    [w.a.tenantId, at(-30), w.users.org_admin.id],
  );
  await pool.query(
    `INSERT INTO string_commissioning (string_id, commissioned_at, commissioned_by, notes, recorded_by)
     VALUES ($1, $2, 'Solar Install GmbH', 'installed in the garage', $3)`,
    [w.a.stringId, at(-10), w.users.installer.id],
  );
  await pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples,
            energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s, cell_temp_max_dc)
     VALUES ($1, $2, 360, 3600, 0, 0, 0, 0, 0, 0, 0, 0, 500)`,
    [w.a.stringId, at(3, 14)],
  );
}
