import { createBmsString, testDatabaseTargets } from '@fleet/db/testing';
import { describe, expect, it } from 'vitest';
import { type AlarmFixture, T0, useAlarmFixture } from './alarm-fixture.js';

const targets = await testDatabaseTargets();
const DAY_MS = 86_400_000;
/** Midnight UTC of T0's day: the 1d buckets end here. */
const TODAY = Math.floor(T0 / DAY_MS) * DAY_MS;

/** Fades of a healthy fleet, %/year: spread like real strings, median 2. */
const HEALTHY = [1.5, 1.6, 1.8, 1.9, 2, 2, 2.1, 2.2, 2.4, 2.5];
const FAST = 12;

/** Writes and reads of the fixture's database the tests below share. */
function sohFadeKit(f: AlarmFixture) {
  /** A tenant's site with one string per fade, each with `days` daily rollups up to yesterday. */
  const fleet = async (fades: number[], days: number) => {
    const first = await f.newString();
    const ids = [first.stringId];
    for (let i = 1; i < fades.length; i++) {
      ids.push((await createBmsString(f.prisma, { siteId: first.siteId })).id);
    }
    for (const [i, id] of ids.entries()) {
      await storeDays(id, fades[i]!, days);
    }
    return { tenantId: first.tenantId, siteId: first.siteId, ids };
  };
  /** What the rollup job would have written: SOH falling `fade` %/year from 100, whole percent. */
  const storeDays = async (stringId: string, fade: number, days: number) => {
    await f.pool.query(
      `INSERT INTO string_rollup_1d (string_id, bucket_start, samples, covered_s, cell_spread_samples,
              energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s, soh_last_pct)
       SELECT $1, $2::timestamptz - d * interval '1 day', 8640, 86400, 0, 0, 0, 0, 0, 0, 0, 0,
              round(100 - $3::float8 * ($4 - d) / 365.25)
         FROM generate_series(1, $4::int) d
       ON CONFLICT (string_id, bucket_start) DO UPDATE SET soh_last_pct = EXCLUDED.soh_last_pct`,
      [stringId, new Date(TODAY), fade, days],
    );
  };
  const fadeAlarms = async (ids: string[]) =>
    (
      await f.pool.query(
        `SELECT a.id, s.i, a.status::text, a.severity::text, a.count
           FROM alarm a JOIN unnest($1::uuid[]) WITH ORDINALITY s(id, i) ON s.id = a.string_id
          WHERE a.code = 'derived.soh_fade_vs_fleet' ORDER BY s.i`,
        [ids],
      )
    ).rows.map(({ id, i, ...rest }) => ({ ...rest, id, string: Number(i) - 1 }));
  return { fleet, storeDays, fadeAlarms };
}

describe.each(targets)('derived.soh_fade_vs_fleet on $name', (target) => {
  const f = useAlarmFixture(target);
  const { fleet, storeDays, fadeAlarms } = sohFadeKit(f);

  it('opens on the one string fading clearly faster than its fleet, once a day, and resolves when it recovers', async () => {
    const { ids } = await fleet([...HEALTHY, FAST], 365);
    let now = T0;
    const engine = f.engine(() => now);
    await engine.sweeper.sweep();
    // Whole-percent SOH over 364 days: the healthy fits lie at 1.3 … 2.4 %/year (median 2.3), the
    // spread is one step a year, 1 %/year; the fast one fits 12.0: about 10 spreads over the
    // median, beyond the critical 5, while no healthy one is more than 1 under or over it.
    const [alarm] = await fadeAlarms(ids);
    expect(await fadeAlarms(ids)).toEqual([
      { id: alarm!.id, string: 10, status: 'open', severity: 'critical', count: 1 },
    ]);
    expect((await f.events(alarm!.id)).map((e) => e.transition)).toEqual(['fired']);
    const stateAt = async () =>
      (
        await f.pool.query(
          `SELECT (state->>'lastAt')::bigint AS "lastAt" FROM alarm_rule_state
            WHERE subject_key = $1 AND rule_id = 'derived.soh_fade_vs_fleet'`,
          [`string:${ids[10]}`],
        )
      ).rows[0]?.lastAt;
    expect(Number(await stateAt())).toBe(T0);

    // Later the same day: not observed again, by this engine or by a fresh one (another instance).
    now = T0 + 3_600_000;
    await engine.sweeper.sweep();
    await f.engine(() => now).sweeper.sweep();
    expect(Number(await stateAt())).toBe(T0);

    // The string's history rewritten as healthy: judged clear the next day, resolved a day later.
    await storeDays(ids[10]!, 2, 365);
    now = T0 + DAY_MS;
    await engine.sweeper.sweep();
    expect((await fadeAlarms(ids))[0]).toMatchObject({ status: 'open' });
    now = T0 + 2 * DAY_MS;
    await engine.sweeper.sweep();
    expect((await fadeAlarms(ids))[0]).toMatchObject({ status: 'resolved' });
    // Unacknowledged for days it also escalated (the sweep's other job); the rule fired and cleared once.
    const transitions = (await f.events(alarm!.id)).map((e) => e.transition);
    expect(transitions.filter((t) => t !== 'escalated')).toEqual(['fired', 'resolved']);
  });

  it('judges no string of a fleet with too little history, nor of one too small until the tenant lowers minFleetSize', async () => {
    // 60 %/year would stand out by any measure, but 40 days are too few to trust a fit (span under
    // 60 days, and its whole-percent steps give a 95 % interval wider than ±2 %/year).
    const young = await fleet([...HEALTHY, 60], 40);
    const small = await fleet([2, 2, 2.1, 1.9, FAST], 365);
    let now = T0;
    const engine = f.engine(() => now);
    await engine.sweeper.sweep();
    // 40 days < minSpanDays 60; 4 peers < minFleetSize 10: unjudged, no alarm, no rule state.
    expect(await fadeAlarms([...young.ids, ...small.ids])).toEqual([]);
    expect(engine.counters.counts['soh-fade.unjudged']).toBeGreaterThanOrEqual(16);

    await f.pool.query(
      `INSERT INTO alarm_rule_set (id, tenant_id, site_id, scope_key, rules, version, updated_by)
       VALUES (gen_random_uuid(), $1, NULL, $2, $3, 1, 'test')`,
      [
        small.tenantId,
        'tenant',
        JSON.stringify({ rules: { 'derived.soh_fade_vs_fleet': { params: { minFleetSize: 4 } } } }),
      ],
    );
    now = T0 + DAY_MS;
    await engine.sweeper.sweep();
    expect(await fadeAlarms(small.ids)).toEqual([expect.objectContaining({ string: 4, status: 'open' })]);
    expect(await fadeAlarms(young.ids)).toEqual([]);
  });
});
