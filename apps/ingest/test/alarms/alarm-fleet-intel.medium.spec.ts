import { createBmsString, testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { T0, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();
const DAY_MS = 86_400_000;
/** Midnight UTC of T0's day: the 1d buckets end here. */
const TODAY = Math.floor(T0 / DAY_MS) * DAY_MS;

describe.each(targets)('early warnings (derived.finding.*) on $name', (target) => {
  const f = useAlarmFixture(target);

  /** 90 daily rollups up to yesterday; SOC reached `socMaxPct` every day. */
  const storeDays = async (stringId: string, socMaxPct: number) => {
    await f.pool.query(
      `INSERT INTO string_rollup_1d (string_id, bucket_start, samples, covered_s, cell_spread_samples,
              energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s,
              soh_last_pct, cell_spread_max_mv, soc_max_pct)
       SELECT $1, $2::timestamptz - d * interval '1 day', 8640, 86400, 0, 0, 0, 0, 0, 0, 0, 0, 98, 10, $3
         FROM generate_series(1, 90) d
       ON CONFLICT (string_id, bucket_start) DO UPDATE SET soc_max_pct = EXCLUDED.soc_max_pct`,
      [stringId, new Date(TODAY), socMaxPct],
    );
  };
  const findingAlarms = async (stringId: string) =>
    (
      await f.pool.query(
        `SELECT code, status::text, severity::text FROM alarm WHERE string_id = $1 AND code LIKE 'derived.finding.%'`,
        [stringId],
      )
    ).rows;

  it('raises an info alarm for the string never fully charged, stores the finding, and clears both once it charges', async () => {
    const first = await f.newString();
    const healthy = [first.stringId];
    for (let i = 1; i < 9; i++) {
      healthy.push((await createBmsString(f.prisma, { siteId: first.siteId })).id);
    }
    const starved = (await createBmsString(f.prisma, { siteId: first.siteId })).id;
    for (const id of healthy) {
      await storeDays(id, 100);
    }
    await storeDays(starved, 88);
    // As ingest stores it from the BMS's 0x7310 versions: the analysis groups by it.
    await f.pool.query(`UPDATE bms_string SET firmware = '1.3' WHERE site_id = $1`, [first.siteId]);
    let now = T0;
    const engine = f.engine(() => now);
    await engine.sweeper.sweep();

    expect(await findingAlarms(starved)).toEqual([
      { code: 'derived.finding.balancing_starved', status: 'open', severity: 'info' },
    ]);
    expect(await findingAlarms(healthy[0]!)).toEqual([]);
    const stored = await f.pool.query(
      `SELECT string_id, kind, is_primary FROM fleet_finding WHERE tenant_id = $1`,
      [first.tenantId],
    );
    expect(stored.rows).toEqual([{ string_id: starved, kind: 'balancing_starved', is_primary: true }]);
    // Every string beside its cohort, from the same run: the fleet table's "vs cohort" cell.
    const cohorts = await f.pool.query(
      `SELECT count(*)::int AS n, bool_or(fade_worse OR spread_worse) AS worse,
              bool_and(cohort_key LIKE 'H48050/1.3/%') AS by_firmware
         FROM fleet_cohort_stat WHERE tenant_id = $1`,
      [first.tenantId],
    );
    expect(cohorts.rows).toEqual([{ n: 10, worse: false, by_firmware: true }]);

    // A sweep later the same day changes nothing (one alarm per string and kind).
    await engine.sweeper.sweep();
    expect(await findingAlarms(starved)).toHaveLength(1);

    // It charged fully: the next day's analysis has no finding, and the alarm resolves.
    await storeDays(starved, 100);
    now = T0 + DAY_MS;
    await engine.sweeper.sweep();
    expect(await findingAlarms(starved)).toEqual([
      { code: 'derived.finding.balancing_starved', status: 'resolved', severity: 'info' },
    ]);
    expect((await f.pool.query('SELECT 1 FROM fleet_finding WHERE string_id = $1', [starved])).rowCount).toBe(
      0,
    );
  });
});
