import { insertCellSnapshots, type PgPool, type PrismaClient } from '@fleet/db';
import { createBmsString } from '@fleet/db/testing';
import { type AccessWorld, seedAccessWorld } from '../access/access-world.js';

export interface CellsWorld extends AccessWorld {
  /** A second string on site A1 (its energy adds to A1's). */
  secondStringId: string;
}

/** Site A1 is in Europe/Berlin (the site default): 2026-07-01 there is [06-30 22:00Z, 07-01 22:00Z). */
export const SUMMER_DAY = '2026-07-01';

const snapshot = (ts: string, cellVoltagesMv: number[][], cellTempsDc?: (number | null)[][]) => ({
  kind: 'cells' as const,
  ts,
  bus: 'can0',
  bmsAddress: 0,
  cellVoltagesMv,
  ...(cellTempsDc ? { cellTempsDc } : {}),
});

/** 3 modules × 4 cells around 3 310 mV; module 2 (index 1), cell 3 (index 2) is 48 mV low. */
export const WEAK_GRID = [
  [3310, 3311, 3309, 3310],
  [3311, 3310, 3262, 3309],
  [3310, 3312, 3310, 3311],
];

async function insertRollup(pool: PgPool, stringId: string, hour: string, inWh: number, outWh: number) {
  await pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples,
       energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
     VALUES ($1, $2, 360, 3600, 0, $3, $4, 0, 0, 0, 0, 0)`,
    [stringId, hour, inWh, outWh],
  );
}

/** The access world plus cell snapshots (A1: an older and a newer one; A2: one) and A1's rollups. */
export async function seedCellsWorld(prisma: PrismaClient, pool: PgPool): Promise<CellsWorld> {
  const w = await seedAccessWorld(prisma, pool);
  const second = await createBmsString(prisma, {
    gatewayId: w.a.gatewayId,
    bmsAddress: 1,
    name: 'A1 second',
  });
  await insertCellSnapshots(pool, [
    { stringId: w.a.stringId, snapshot: snapshot('2026-11-01T10:00:00.000Z', [[3300, 3300, 3300, 3300]]) },
    {
      stringId: w.a.stringId,
      snapshot: snapshot('2026-11-01T11:00:00.000Z', WEAK_GRID, [
        [251, 250],
        [252, null],
        [249, 250],
      ]),
    },
    { stringId: w.a.otherStringId, snapshot: snapshot('2026-11-01T11:00:00.000Z', WEAK_GRID) },
  ]);
  // Before the local day (23:00 local on 06-30), local 00:00, and local 12:00 on both strings.
  await insertRollup(pool, w.a.stringId, '2026-06-30T21:00:00Z', 999, 999);
  await insertRollup(pool, w.a.stringId, '2026-06-30T22:00:00Z', 1500, 0);
  await insertRollup(pool, w.a.stringId, '2026-07-01T10:00:00Z', 250.4, 1200);
  await insertRollup(pool, second.id, '2026-07-01T10:00:00Z', 100, 800);
  await insertRollup(pool, w.a.otherStringId, '2026-07-01T10:00:00Z', 5000, 5000);
  return { ...w, secondStringId: second.id };
}
