import { describe, expect, it } from 'vitest';
import { type DatabaseContext, useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, createGateway, createSite, testDatabaseTargets } from '../testing/index.js';
import { FleetRepository } from './fleet.repository.js';
import { InvalidFleetListCursorError } from './fleet-list.cursor.js';
import { fleetClock } from './fleet-list.js';
import type { FleetListOptions } from './fleet-list.types.js';
import { RollupRepository } from './rollup.repository.js';

const targets = await testDatabaseTargets();
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

interface Latest {
  ts: Date;
  soc: number;
  soh: number;
  state: string;
}

async function latest(ctx: DatabaseContext, stringId: string, v: Latest) {
  await ctx.pool.query(
    `INSERT INTO string_latest (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct, state)
     VALUES ($1, $2, 4000, 0, 200, $3, $4, $5)`,
    [stringId, v.ts, v.soc, v.soh, v.state],
  );
}

async function alarm(
  ctx: DatabaseContext,
  s: { id: string; tenantId: string; siteId: string },
  severity: string,
) {
  await ctx.pool.query(
    `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status,
                        first_fired_at, last_fired_at)
     VALUES (gen_random_uuid(), $1, $2, $3::uuid, 'string:' || $3::text, 'c-' || gen_random_uuid(), 't',
             $4::"AlarmSeverity", 'open', now(), now())`,
    [s.tenantId, s.siteId, s.id, severity],
  );
}

/** `hours` whole hours of the completeness window fully covered. */
async function covered(ctx: DatabaseContext, stringId: string, hours: number) {
  const { to } = fleetClock(now);
  await ctx.pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples, energy_in_wh,
                                   energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
     SELECT $1, $2::timestamptz - make_interval(hours => h), 360, 3600, 0, 0, 0, 0, 0, 0, 3600, 0
       FROM generate_series(1, $3::int) h`,
    [stringId, to, hours],
  );
}

/** Six strings of one tenant in every status, plus one string of another tenant. */
async function seed(ctx: DatabaseContext) {
  const north = await createSite(ctx.prisma, {
    name: 'North Farm',
    address: 'Elm Road 5',
    latitude: 48,
    longitude: 9,
  });
  const south = await createSite(ctx.prisma, {
    tenantId: north.tenantId,
    name: 'South Barn',
    address: 'Oak Lane',
  });
  const gwN = await createGateway(ctx.prisma, { siteId: north.id });
  const gwS = await createGateway(ctx.prisma, { siteId: south.id });
  const make = (name: string, gatewayId: string, bmsAddress: number) =>
    createBmsString(ctx.prisma, { gatewayId, bmsAddress, name });
  const s = {
    charging: await make('A charging', gwN.id, 0),
    discharging: await make('B discharging', gwN.id, 1),
    idle: await make('C idle 100%', gwS.id, 0),
    stale: await make('D stale', gwS.id, 1),
    offline: await make('E offline', gwS.id, 2),
    never: await make('F never', gwS.id, 3),
  };
  await latest(ctx, s.charging.id, { ts: minutesAgo(1), soc: 80, soh: 97, state: 'charge' });
  await latest(ctx, s.discharging.id, { ts: minutesAgo(2), soc: 20, soh: 91, state: 'discharge' });
  await latest(ctx, s.idle.id, { ts: minutesAgo(0), soc: 55, soh: 99, state: 'idle' });
  await latest(ctx, s.stale.id, { ts: minutesAgo(30), soc: 60, soh: 93, state: 'charge' });
  await latest(ctx, s.offline.id, { ts: minutesAgo(120), soc: 10, soh: 88, state: 'idle' });
  await ctx.pool.query(
    `INSERT INTO connectivity_event (gateway_id, string_id, ts, kind, reason) VALUES ($1, $2, $3, 'offline', 'test')`,
    [gwS.id, s.offline.id, minutesAgo(100)],
  );
  await alarm(ctx, s.charging, 'warning');
  await alarm(ctx, s.charging, 'critical');
  await alarm(ctx, s.stale, 'major');
  await covered(ctx, s.charging.id, 24);
  await covered(ctx, s.discharging.id, 12);
  await covered(ctx, s.idle.id, 6);
  const foreign = await createBmsString(ctx.prisma, { name: 'A foreign' });
  await latest(ctx, foreign.id, { ts: minutesAgo(1), soc: 1, soh: 50, state: 'charge' });
  return { tenantId: north.tenantId, north, south, s, foreignTenantId: foreign.tenantId };
}

async function names(ctx: DatabaseContext, tenantId: string, options: FleetListOptions) {
  const repo = new FleetRepository(ctx.pool);
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await repo.list(tenantId, { ...options, now, cursor });
    pages.push(page.rows.map((r) => r.name));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

/** Every sort, paged in small pages, in its order (ties by name). */
async function expectEverySort(ctx: DatabaseContext, t: string) {
  expect(await names(ctx, t, { sort: 'name', limit: 4 })).toEqual([
    ['A charging', 'B discharging', 'C idle 100%', 'D stale'],
    ['E offline', 'F never'],
  ]);
  expect((await names(ctx, t, { sort: 'name', dir: 'desc', limit: 4 })).flat()[0]).toBe('F never');
  expect((await names(ctx, t, { sort: 'severity', limit: 1 })).flat()).toEqual([
    'A charging',
    'D stale',
    'B discharging',
    'C idle 100%',
    'E offline',
    'F never',
  ]);
  expect((await names(ctx, t, { sort: 'soc', limit: 2 })).flat()).toEqual([
    'E offline',
    'B discharging',
    'C idle 100%',
    'D stale',
    'A charging',
    'F never',
  ]);
  expect((await names(ctx, t, { sort: 'soh', dir: 'desc', limit: 5 })).flat()).toEqual([
    'C idle 100%',
    'A charging',
    'D stale',
    'B discharging',
    'E offline',
    'F never',
  ]);
  expect((await names(ctx, t, { sort: 'completeness', dir: 'desc', limit: 2 })).flat()).toEqual([
    'A charging',
    'B discharging',
    'C idle 100%',
    'D stale',
    'E offline',
    'F never',
  ]);
  expect((await names(ctx, t, { sort: 'lastSeen', limit: 3 })).flat()).toEqual([
    'F never',
    'E offline',
    'D stale',
    'B discharging',
    'A charging',
    'C idle 100%',
  ]);
}

/** Each filter alone and combined, with the total of the matches. */
async function expectFilters(ctx: DatabaseContext, world: Awaited<ReturnType<typeof seed>>) {
  const repo = new FleetRepository(ctx.pool);
  const list = async (filters: FleetListOptions['filters']) => {
    const page = await repo.list(world.tenantId, { now, filters, limit: 2 });
    return { total: page.total, first: page.rows.map((r) => r.name) };
  };
  expect(await list({ q: 'oak' })).toEqual({ total: 4, first: ['C idle 100%', 'D stale'] });
  expect(await list({ q: '100%' })).toEqual({ total: 1, first: ['C idle 100%'] });
  expect(await list({ q: 'DISCH' })).toEqual({ total: 1, first: ['B discharging'] });
  expect(await list({ statuses: ['offline', 'stale'] })).toEqual({
    total: 3,
    first: ['D stale', 'E offline'],
  });
  expect(await list({ severities: ['major'] })).toEqual({ total: 1, first: ['D stale'] });
  expect(await list({ hasOpenAlarm: true })).toEqual({ total: 2, first: ['A charging', 'D stale'] });
  expect((await list({ hasOpenAlarm: false })).total).toBe(4);
  expect(await list({ siteIds: [world.north.id] })).toEqual({
    total: 2,
    first: ['A charging', 'B discharging'],
  });
  expect(await list({ siteIds: [world.south.id], statuses: ['idle'], q: 'c' })).toEqual({
    total: 1,
    first: ['C idle 100%'],
  });
}

describe.each(targets)('the fleet list on $name', (target) => {
  const ctx = useTestDatabase(target);
  let world: Awaited<ReturnType<typeof seed>>;

  it('derives status, completeness and the worst open alarm per string, with its site', async () => {
    world = await seed(ctx);
    const page = await new FleetRepository(ctx.pool).list(world.tenantId, { now });
    expect(page.total).toBe(6);
    expect(page.nextCursor).toBeNull();
    expect(page.rows.map((r) => [r.name, r.status, r.completenessPct, r.worstSeverity])).toEqual([
      ['A charging', 'charging', 100, 'critical'],
      ['B discharging', 'discharging', 50, null],
      ['C idle 100%', 'idle', 25, null],
      ['D stale', 'stale', 0, 'major'],
      ['E offline', 'offline', 0, null],
      ['F never', 'offline', 0, null],
    ]);
    expect(page.rows[0]).toMatchObject({
      siteName: 'North Farm',
      siteAddress: 'Elm Road 5',
      latitude: 48,
      longitude: 9,
    });
    expect(page.rows[0]?.lastTs).toEqual(minutesAgo(1));
  });

  it('pages every sort exactly once in its order, in both directions', async () => {
    await expectEverySort(ctx, world.tenantId);
  });

  it('filters by search, status, severity, open alarm and site, and counts the matches', async () => {
    await expectFilters(ctx, world);
  });

  it('shows another tenant nothing of this one and refuses a cursor of another sort', async () => {
    const repo = new FleetRepository(ctx.pool);
    const theirs = await repo.list(world.foreignTenantId, { now });
    expect(theirs.rows.map((r) => r.name)).toEqual(['A foreign']);
    expect(theirs.total).toBe(1);
    const sites = await repo.sites(world.foreignTenantId);
    expect(sites.sites.map((s) => s.name)).not.toContain('North Farm');
    const first = await repo.list(world.tenantId, { now, sort: 'soc', limit: 1 });
    await expect(repo.list(world.tenantId, { sort: 'soh', cursor: first.nextCursor })).rejects.toThrow(
      InvalidFleetListCursorError,
    );
    await expect(
      repo.list(world.tenantId, { sort: 'soc', dir: 'desc', cursor: first.nextCursor }),
    ).rejects.toThrow(InvalidFleetListCursorError);
  });

  it('lists the sites with coordinates, string count and worst open alarm', async () => {
    const { sites, truncated } = await new FleetRepository(ctx.pool).sites(world.tenantId);
    expect(truncated).toBe(false);
    expect(sites).toEqual([
      {
        siteId: world.north.id,
        name: 'North Farm',
        address: 'Elm Road 5',
        latitude: 48,
        longitude: 9,
        stringCount: 2,
        worstSeverity: 'critical',
      },
      {
        siteId: world.south.id,
        name: 'South Barn',
        address: 'Oak Lane',
        latitude: null,
        longitude: null,
        stringCount: 4,
        worstSeverity: 'major',
      },
    ]);
  });
});

/** Seven strings of one tenant whose completeness has ties (two at 0 %, two named alike at 50 %). */
async function seedCompleteness(ctx: DatabaseContext) {
  const site = await createSite(ctx.prisma, { name: 'Ties' });
  const gw = await createGateway(ctx.prisma, { siteId: site.id });
  const make = (name: string, bmsAddress: number) =>
    createBmsString(ctx.prisma, { gatewayId: gw.id, bmsAddress, name });
  const s = {
    full: await make('J full', 0),
    zeroL: await make('L zero', 1),
    zeroN: await make('N zero', 2),
    halfHour: await make('O half an hour', 3),
    six: await make('M six', 4),
    tieA: await make('K tie', 5),
    tieB: await make('K tie', 6),
  };
  await covered(ctx, s.full.id, 24);
  await covered(ctx, s.six.id, 6);
  await covered(ctx, s.tieA.id, 12);
  await covered(ctx, s.tieB.id, 12);
  const { from, to } = fleetClock(now);
  // Half an hour inside the window (2.1 %), and hours just outside it on both sides, which never count.
  await ctx.pool.query(
    `INSERT INTO string_rollup_1h (string_id, bucket_start, samples, covered_s, cell_spread_samples, energy_in_wh,
                                   energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
     VALUES ($1, $2, 180, 1800, 0, 0, 0, 0, 0, 0, 1800, 0), ($1, $3, 360, 3600, 0, 0, 0, 0, 0, 0, 3600, 0),
            ($1, $4, 360, 3600, 0, 0, 0, 0, 0, 0, 3600, 0)`,
    [s.halfHour.id, from, to, new Date(from.getTime() - 3_600_000)],
  );
  const [tie1, tie2] = [s.tieA.id, s.tieB.id].sort() as [string, string];
  return {
    tenantId: site.tenantId,
    s,
    ascending: ['L zero', 'N zero', 'O half an hour', 'M six', tie1, tie2, 'J full'],
  };
}

/** Every page of the sort, rows named by name (by id for the two alike), with their completeness. */
async function completenessPages(ctx: DatabaseContext, tenantId: string, dir: 'asc' | 'desc', limit: number) {
  const repo = new FleetRepository(ctx.pool);
  const rows: Array<[string, number]> = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = await repo.list(tenantId, { now, sort: 'completeness', dir, limit, cursor });
    expect(page.total).toBe(7);
    rows.push(
      ...page.rows.map((r): [string, number] => [
        r.name === 'K tie' ? r.stringId : r.name,
        r.completenessPct,
      ]),
    );
    cursor = page.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return rows;
}

/** The seven strings' order by completeness in both directions, for page sizes across the ties. */
async function expectCompletenessOrder(
  ctx: DatabaseContext,
  world: Awaited<ReturnType<typeof seedCompleteness>>,
) {
  const pct = [0, 0, 2.1, 25, 50, 50, 100];
  const asc = world.ascending.map((name, i): [string, number] => [name, pct[i]!]);
  // Ties go by name, then id, in both directions; a cursor inside a tie resumes after it.
  const desc = [
    ...asc.slice(6),
    ...asc.slice(4, 6),
    ...asc.slice(3, 4),
    ...asc.slice(2, 3),
    ...asc.slice(0, 2),
  ];
  for (const limit of [1, 2, 3, 100]) {
    expect(await completenessPages(ctx, world.tenantId, 'asc', limit)).toEqual(asc);
    expect(await completenessPages(ctx, world.tenantId, 'desc', limit)).toEqual(desc);
  }
}

describe.each(targets)('the fleet list sorted by completeness on $name', (target) => {
  const ctx = useTestDatabase(target);
  let world: Awaited<ReturnType<typeof seedCompleteness>>;

  it('orders by completeness, ties by name and id, every page once, computing it without stored rows', async () => {
    world = await seedCompleteness(ctx);
    await expectCompletenessOrder(ctx, world);
  });

  it('answers the same from the rows the rollup job stores, and ignores a row of another window', async () => {
    const rollups = new RollupRepository(ctx.pool);
    expect(await rollups.refreshCompleteness(now)).toBe(7);
    expect(await rollups.refreshCompleteness(now)).toBe(0);
    const { to } = fleetClock(now);
    const stored = await ctx.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM string_completeness WHERE window_end = $1',
      [to],
    );
    expect(stored.rows[0]?.n).toBe(7);
    await expectCompletenessOrder(ctx, world);
    // A stored row the window has moved past is not used: the value is computed again.
    await ctx.pool.query(
      `UPDATE string_completeness SET window_end = window_end - interval '1 hour', completeness_pct = 99
        WHERE string_id = $1`,
      [world.s.six.id],
    );
    await expectCompletenessOrder(ctx, world);
    expect(await rollups.refreshCompleteness(now)).toBe(1);
    await expectCompletenessOrder(ctx, world);
  });

  it('stores the completeness of a string whose hour in the window the rollup job recomputes', async () => {
    const { from } = fleetClock(now);
    await ctx.pool.query('UPDATE string_completeness SET completeness_pct = 99 WHERE string_id = $1', [
      world.s.six.id,
    ]);
    // The sort reads the stored row of the current window (here a wrong one, to see that it does).
    const stored = await new FleetRepository(ctx.pool).list(world.tenantId, {
      now,
      sort: 'completeness',
      dir: 'desc',
      limit: 2,
    });
    expect(stored.rows.map((r) => [r.name, r.completenessPct])).toEqual([
      ['J full', 100],
      ['M six', 99],
    ]);
    await ctx.pool.query('INSERT INTO rollup_dirty (string_id, bucket_start) VALUES ($1, $2)', [
      world.s.six.id,
      new Date(from.getTime() + 3_600_000),
    ]);
    const run = await new RollupRepository(ctx.pool).runOnce({
      maxHours: 10,
      recomputeAfter: new Date(from.getTime() - 86_400_000),
      now,
    });
    expect(run.hours).toBe(1);
    const { rows } = await ctx.pool.query<{ pct: number }>(
      'SELECT completeness_pct AS pct FROM string_completeness WHERE string_id = $1',
      [world.s.six.id],
    );
    expect(rows[0]?.pct).toBe(25);
    await expectCompletenessOrder(ctx, world);
  });
});
