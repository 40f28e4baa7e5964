import { describe, expect, it } from 'vitest';
import { type DatabaseContext, useTestDatabase } from '../../test/use-test-database.js';
import type { AccessScope } from '../access/access-scope.js';
import { ScopedPool } from '../access/scoped-pool.js';
import { createBmsString, testDatabaseTargets } from '../testing/index.js';
import { FleetRepository } from './fleet.repository.js';
import { FleetIntelRepository, type StoredCohortStat } from './fleet-intel.repository.js';

const targets = await testDatabaseTargets();
const DAY0 = Date.parse('2026-11-01T00:00:00Z');
const HOUR = 3_600_000;

const ROLLUP_1D = `
  INSERT INTO string_rollup_1d (string_id, bucket_start, samples, covered_s, cell_spread_samples, energy_in_wh,
    energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s, soh_last_pct, cell_spread_max_mv,
    soc_max_pct, cell_min_mv_min)
  VALUES ($1, $2, 10, 86400, 10, 9000, 12000, 0, 0, 0, 0, 0, 97, 42, 96, 3010)`;
const ROLLUP_1H = `
  INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples, energy_in_wh,
    energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s, cell_temp_max_dc, soc_min_pct,
    cell_min_mv_min)
  VALUES ($1, $2, 1, 3600, 1, 0, 0, 0, 0, 0, 0, 0, $3, $4, $5)`;

const stat = (stringId: string, fade: number | null): StoredCohortStat => ({
  stringId,
  cohortKey: 'H48050/unknown/young/temperate/daily',
  cohortLabel: 'H48050/*/young/temperate/daily',
  cohortSize: 9,
  fadePctPerYear: fade,
  cohortFadePctPerYear: 1.2,
  fadeWorse: fade !== null && fade > 3,
  spreadGrowthMvPerMonth: 4.5,
  cohortSpreadGrowthMvPerMonth: Number.NaN,
  spreadWorse: false,
  computedAt: new Date(DAY0),
});

async function cohortStatsJoined(ctx: DatabaseContext) {
  const a = await createBmsString(ctx.prisma);
  const b = await createBmsString(ctx.prisma, { siteId: a.siteId });
  const repo = new FleetIntelRepository(ctx.pool);
  const fleet = new FleetRepository(ctx.pool);
  const cohortOf = async () =>
    new Map((await fleet.list(a.tenantId)).rows.map((r) => [r.stringId, r.cohort]));
  expect([...(await cohortOf()).values()]).toEqual([null, null]);
  await repo.replaceFindings(a.tenantId, [], [stat(a.id, 2.1), stat(b.id, 5)]);
  // The next day's run replaces the tenant's rows: a is gone, b has no fade any more.
  await repo.replaceFindings(a.tenantId, [], [stat(b.id, null)]);
  const cohorts = await cohortOf();
  expect(cohorts.get(a.id)).toBeNull();
  expect(cohorts.get(b.id)).toEqual({
    label: 'H48050/*/young/temperate/daily',
    size: 9,
    fadePctPerYear: null,
    cohortFadePctPerYear: 1.2,
    fadeWorse: false,
    spreadGrowthMvPerMonth: 4.5,
    // NaN has no JSON form: stored as unknown rather than failing the tenant's run.
    cohortSpreadGrowthMvPerMonth: null,
    spreadWorse: false,
    computedAt: new Date(DAY0).toISOString(),
  });
}

/** Row-level security: the owning organisation and a caller granted the string's site read the row; no one else. */
async function cohortStatsScoped(ctx: DatabaseContext) {
  const a = await createBmsString(ctx.prisma);
  const other = await createBmsString(ctx.prisma);
  await new FleetIntelRepository(ctx.pool).replaceFindings(a.tenantId, [], [stat(a.id, 1)]);
  let scope: AccessScope = { orgId: a.tenantId, siteIds: [] };
  const scoped = new ScopedPool({ connectionString: ctx.db.url, max: 1 }, () => scope);
  const visible = async (s: AccessScope) => {
    scope = s;
    const { rows } = (await scoped.query('SELECT string_id AS id FROM fleet_cohort_stat')) as {
      rows: { id: string }[];
    };
    return rows.map((r) => r.id);
  };
  try {
    expect(await visible({ orgId: a.tenantId, siteIds: [] })).toEqual([a.id]);
    expect(await visible({ orgId: null, siteIds: [a.siteId] })).toEqual([a.id]);
    expect(await visible({ orgId: other.tenantId, siteIds: [other.siteId] })).toEqual([]);
  } finally {
    await scoped.end();
  }
}

describe.each(targets)('fleet_finding and the fleet-intelligence history on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('reads a day from the rollups: hours hot and full, the cut-off cell, cycles from energy', async () => {
    const string = await createBmsString(ctx.prisma, { moduleType: 'H48050', moduleCount: 5 });
    await ctx.prisma.site.update({ where: { id: string.siteId }, data: { latitude: 48.1 } });
    await ctx.prisma.bmsString.update({ where: { id: string.id }, data: { firmware: '1.3' } });
    const repo = new FleetIntelRepository(ctx.pool);
    await ctx.pool.query(ROLLUP_1D, [string.id, new Date(DAY0)]);
    // 3 hours at 36 °C, 2 whole hours at SOC ≥ 95 %, the rest cool and lower.
    for (let h = 0; h < 6; h++) {
      await ctx.pool.query(ROLLUP_1H, [
        string.id,
        new Date(DAY0 + h * HOUR),
        h < 3 ? 360 : 250,
        h >= 4 ? 96 : 60,
        h === 1 ? 3100 : h === 2 || h === 3 ? 3010 : 3200,
      ]);
    }
    // The day's lowest cell voltage (3010 mV, as the 1d row says) was held by cell 19 first.
    for (const [min, no, at] of [
      [3100, 4, 1],
      [3010, 19, 2],
      [3010, 7, 3],
    ] as const) {
      await ctx.pool.query(
        `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct, cell_min_mv, cell_min_no)
         VALUES ($1, $2, 2400, -100, 250, 20, 97, $3, $4)`,
        [string.id, new Date(DAY0 + at * HOUR), min, no],
      );
    }
    const [history] = await repo.historyOfTenant(string.tenantId, DAY0 - HOUR, DAY0);
    expect(history).toMatchObject({
      stringId: string.id,
      moduleType: 'H48050',
      firmware: '1.3',
      latitude: 48.1,
    });
    // 12 000 Wh out of 5 × 2400 Wh nominal: one cycle.
    expect(history?.days).toEqual([
      {
        dayMs: DAY0,
        sohPct: 97,
        cellSpreadMaxMv: 42,
        socMaxPct: 96,
        highTempHours: 3,
        highSocHours: 2,
        cutoffCellNo: 19,
        cycles: 1,
      },
    ]);
    expect(await repo.daysOfString(string.id, 'H48050', 5, DAY0, DAY0)).toEqual(history?.days);
  });

  it('replaces a tenant’s findings as a whole', async () => {
    const a = await createBmsString(ctx.prisma);
    const b = await createBmsString(ctx.prisma, { siteId: a.siteId });
    const repo = new FleetIntelRepository(ctx.pool);
    const finding = (stringId: string, kind: string) => ({
      stringId,
      kind,
      isPrimary: true,
      evidence: { value: 40, unit: 'days' },
      chartField: 'socMaxPct',
      explanation: 'not fully charged',
      cohort: 'H48050/*/*/*/*',
      foundAt: new Date(DAY0),
    });
    await repo.replaceFindings(a.tenantId, [finding(a.id, 'balancing_starved'), finding(b.id, 'fast_fade')]);
    await repo.replaceFindings(a.tenantId, [finding(b.id, 'weak_cell')]);
    const stored = await repo.findings(a.tenantId);
    expect(stored.map((f) => [f.stringId, f.kind])).toEqual([[b.id, 'weak_cell']]);
    expect(stored[0]?.evidence).toEqual({ value: 40, unit: 'days' });
    expect(await repo.findings(a.tenantId, a.id)).toEqual([]);
    expect(await repo.findings('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('stores each string beside its cohort with the findings, and the fleet list joins it (null before the first run)', () =>
    cohortStatsJoined(ctx));

  it('lets only the owning organisation and callers granted the site read a string’s cohort row', () =>
    cohortStatsScoped(ctx));
});
