import { describe, expect, it } from 'vitest';
import { type DatabaseContext, useTestDatabase } from '../../test/use-test-database.js';
import type { BmsString } from '../generated/prisma/client.js';
import { createBmsString, packSampleData, testDatabaseTargets, uniqueSuffix } from '../testing/index.js';
import { PackSampleRepository } from './pack-sample.repository.js';
import { InvalidFleetCursorError } from './string-latest.cursor.js';
import type { FleetOverviewOptions } from './string-latest.overview.js';
import { TelemetryReadRepository } from './telemetry-read.repository.js';

const targets = await testDatabaseTargets();
const base = Date.parse('2026-11-20T10:00:00Z');
const at = (minutes: number) => new Date(base + minutes * 60_000).toISOString();

const store = (
  ctx: DatabaseContext,
  string: BmsString,
  samples: Array<[minute: number, socPct: number]>,
  msgId = uniqueSuffix(),
) =>
  new PackSampleRepository(ctx.pool).storeBatch({
    msgId: `m-${msgId}`,
    gatewayId: string.gatewayId,
    rows: samples.map(([minute, socPct]) => ({
      stringId: string.id,
      sample: packSampleData({ ts: at(minute), socPct, state: 'idle' }),
    })),
  });
const latest = async (ctx: DatabaseContext, string: BmsString) =>
  (
    await ctx.pool.query<{ ts: Date; soc_pct: number }>(
      'SELECT ts, soc_pct FROM string_latest WHERE string_id = $1',
      [string.id],
    )
  ).rows[0];
const openAlarm = (
  ctx: DatabaseContext,
  string: BmsString,
  severity: string,
  status = 'open',
  code = `c-${uniqueSuffix()}`,
) =>
  ctx.pool.query(
    `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status,
                          first_fired_at, last_fired_at)
       VALUES (gen_random_uuid(), $1, $2, $3::uuid, 'string:' || $3::text, $4, 'test', $5::"AlarmSeverity",
               $6::"AlarmStatus", now(), now())`,
    [string.tenantId, string.siteId, string.id, code, severity, status],
  );
async function allPages(ctx: DatabaseContext, tenantId: string, options: FleetOverviewOptions) {
  const reads = new TelemetryReadRepository(ctx.pool);
  const pages: string[][] = [];
  let cursor: string | null = null;
  do {
    const page = await reads.fleetOverview(tenantId, { ...options, cursor });
    pages.push(page.rows.map((r) => r.name));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 50);
  return pages;
}

/** S0..S6 of one tenant, on one gateway. */
async function sevenStrings(ctx: DatabaseContext) {
  const first = await createBmsString(ctx.prisma, { name: 'S0' });
  const strings = [first];
  for (let i = 1; i < 7; i++) {
    strings.push(
      await createBmsString(ctx.prisma, { gatewayId: first.gatewayId, bmsAddress: i, name: `S${i}` }),
    );
  }
  return strings as [BmsString, BmsString, BmsString, BmsString, BmsString, BmsString, BmsString];
}

describe.each(targets)('string_latest on $name', (target) => {
  const ctx = useTestDatabase(target);
  it('moves forward with the newest stored sample and never back for late or replayed data', async () => {
    const string = await createBmsString(ctx.prisma);
    await store(ctx, string, [
      [0, 50],
      [2, 52],
      [1, 51],
    ]);
    expect(await latest(ctx, string)).toEqual({ ts: new Date(at(2)), soc_pct: 52 });

    // A week-old spool replay (late data) and a batch overlapping stored rows (merge path).
    await store(ctx, string, [[-7 * 24 * 60, 10]]);
    await store(ctx, string, [
      [1, 99],
      [2, 98],
    ]);
    expect(await latest(ctx, string)).toEqual({ ts: new Date(at(2)), soc_pct: 52 });

    await store(ctx, string, [[3, 53]]);
    expect(await latest(ctx, string)).toEqual({ ts: new Date(at(3)), soc_pct: 53 });
  });

  it('lets the next sample replace one stamped more than a day ahead of the server clock', async () => {
    const string = await createBmsString(ctx.prisma);
    await store(ctx, string, [[0, 50]]);
    const ahead = (Date.now() - base) / 60_000 + 2 * 24 * 60;
    await store(ctx, string, [[ahead, 99]]);
    expect((await latest(ctx, string))?.soc_pct).toBe(99);

    await store(ctx, string, [[1, 51]]);
    expect(await latest(ctx, string)).toEqual({ ts: new Date(at(1)), soc_pct: 51 });
  });
});

describe.each(targets)('the paged fleet overview on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('pages every string of the tenant exactly once, by name and by worst open alarm', async () => {
    const [s0, s1, s2, s3, s4, s5] = await sevenStrings(ctx);
    const first = s0;
    await createBmsString(ctx.prisma, { name: 'S9 other tenant' });
    await store(ctx, s0, [[0, 40]]);
    await store(ctx, s3, [[0, 70]]);
    await openAlarm(ctx, s2, 'warning');
    await openAlarm(ctx, s2, 'critical', 'acknowledged');
    await openAlarm(ctx, s4, 'major');
    await openAlarm(ctx, s5, 'critical');
    await openAlarm(ctx, s1, 'critical', 'resolved');

    expect(await allPages(ctx, first.tenantId, { limit: 3 })).toEqual([
      ['S0', 'S1', 'S2'],
      ['S3', 'S4', 'S5'],
      ['S6'],
    ]);
    expect(await allPages(ctx, first.tenantId, { limit: 2, sort: 'severity' })).toEqual([
      ['S2', 'S5'],
      ['S4', 'S0'],
      ['S1', 'S3'],
      ['S6'],
    ]);

    const page = await new TelemetryReadRepository(ctx.pool).fleetOverview(first.tenantId);
    expect(page.nextCursor).toBeNull();
    expect(page.rows.map((r) => [r.name, r.socPct, r.worstSeverity])).toEqual([
      ['S0', 40, null],
      ['S1', null, null],
      ['S2', null, 'critical'],
      ['S3', 70, null],
      ['S4', null, 'major'],
      ['S5', null, 'critical'],
      ['S6', null, null],
    ]);
    expect(page.rows[0]).toMatchObject({ lastTs: new Date(at(0)), state: 'idle', worstAlarm: 'none' });
  });

  it('shows one tenant nothing of another and refuses a cursor it did not hand out', async () => {
    const mine = await createBmsString(ctx.prisma, { name: 'mine' });
    const theirs = await createBmsString(ctx.prisma, { name: 'theirs' });
    await store(ctx, theirs, [[0, 10]]);
    await openAlarm(ctx, theirs, 'critical');
    const reads = new TelemetryReadRepository(ctx.pool);

    for (const sort of ['name', 'severity'] as const) {
      const page = await reads.fleetOverview(mine.tenantId, { sort });
      expect(page.rows.map((r) => r.stringId)).toEqual([mine.id]);
    }
    const byName = await reads.fleetOverview(theirs.tenantId, { limit: 1 });
    expect(byName.rows.map((r) => r.name)).toEqual(['theirs']);
    await expect(reads.fleetOverview(mine.tenantId, { cursor: 'not-a-cursor' })).rejects.toThrow(
      InvalidFleetCursorError,
    );
  });
});
