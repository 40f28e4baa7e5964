import type { PackSample } from '@fleet/telemetry';
import { describe, expect, it } from 'vitest';
import { type DatabaseContext, useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, packSampleData, testDatabaseTargets, uniqueSuffix } from '../testing/index.js';
import { PackSampleRepository } from './pack-sample.repository.js';
import { RollupRepository } from './rollup.repository.js';

const targets = await testDatabaseTargets();
const ANY_AGE = { recomputeAfter: new Date(0) };

// A small series in hour 10:00 of 2026-11-20 (and one sample after it), 400 V throughout, with
// the expected rollups worked out by hand below. Power P = V·I = 400 V × ±10 A = ±4000 W.
const T = (hms: string) => `2026-11-20T${hms}.000Z`;
const s = (hms: string, currentDa: number, more: Partial<PackSample> = {}) =>
  packSampleData({ ts: T(hms), packVoltageDv: 4000, packCurrentDa: currentDa, ...more });
const SERIES = [
  s('10:00:00', 100, {
    state: 'charge',
    cellMaxMv: 3350,
    cellMinMv: 3300,
    bmsTempDc: 200,
    socPct: 50,
    sohPct: 99,
  }),
  s('10:00:30', 100, {
    state: 'charge',
    cellMaxMv: 3360,
    cellMinMv: 3300,
    bmsTempDc: 210,
    socPct: 51,
    sohPct: 99,
  }),
  s('10:01:00', -100, { state: 'discharge', alarmBits: 4, bmsTempDc: 220, socPct: 52, sohPct: 99 }),
  s('10:05:00', -100, { state: 'discharge', alarmBits: 1, bmsTempDc: 230, socPct: 53, sohPct: 99 }),
  // 15 min after the previous sample: a gap (> 600 s), no covered time.
  s('10:20:00', 0, { state: 'idle', bmsTempDc: 240, socPct: 54, sohPct: 99 }),
  // 39 min: a gap again. Then a 120 s span across the hour's end: 60 s in each hour.
  s('10:59:00', 0, { state: 'idle', bmsTempDc: 250, socPct: 55, sohPct: 98 }),
  s('11:01:00', 0, { state: 'idle', bmsTempDc: 260, socPct: 56, sohPct: 98 }),
];
// Spans: 10:00:00-10:00:30 +4000 W (33.33 Wh in); 10:00:30-10:01:00 +4000→-4000 W crosses zero
// at half-time (8.33 Wh in, 8.33 Wh out); 10:01-10:05 -4000 W (266.67 Wh out, minutes 10:02-10:04
// have no sample so they fold into 10:01); 10:59-11:00 and 11:00-11:01 idle at 0 W.
const WH_PER_S_AT_4KW = 4000 / 3600;

/** Hour 10:00 of SERIES, worked out by hand (energy apart: compared to 2 decimals). */
const EXPECTED_HOUR_10 = {
  bucket_start: new Date(T('10:00:00')),
  samples: 6,
  covered_s: 360,
  first_ts: new Date(T('10:00:00')),
  last_ts: new Date(T('10:59:00')),
  pack_voltage_min_dv: 4000,
  pack_voltage_max_dv: 4000,
  pack_voltage_avg_dv: 4000,
  pack_voltage_last_dv: 4000,
  pack_current_min_da: -100,
  pack_current_max_da: 100,
  pack_current_avg_da: 0,
  pack_current_last_da: 0,
  soc_min_pct: 50,
  soc_max_pct: 55,
  soc_last_pct: 55,
  soh_min_pct: 98,
  soh_last_pct: 98,
  cell_max_mv_max: 3360,
  cell_min_mv_min: 3300,
  cell_spread_max_mv: 60,
  cell_spread_avg_mv: 55,
  cell_spread_samples: 2,
  bms_temp_min_dc: 200,
  bms_temp_max_dc: 250,
  charge_s: 60,
  discharge_s: 240,
  idle_s: 60,
  sleep_s: 0,
  other_state_s: 0,
  alarm_bits_any: 5,
  state_last: 'idle',
};

/** Minute 10:00 of SERIES (two charge samples), every field as the 1m tier must give it back. */
const EXPECTED_MINUTE_10_00 = {
  first_ts: new Date(T('10:00:00')),
  last_ts: new Date(T('10:00:30')),
  pack_voltage_min_dv: 4000,
  pack_voltage_max_dv: 4000,
  pack_voltage_avg_dv: 4000,
  pack_voltage_last_dv: 4000,
  pack_current_min_da: 100,
  pack_current_max_da: 100,
  pack_current_avg_da: 100,
  pack_current_last_da: 100,
  soc_min_pct: 50,
  soc_max_pct: 51,
  soc_last_pct: 51,
  soh_min_pct: 99,
  soh_last_pct: 99,
  cell_max_mv_max: 3360,
  cell_min_mv_min: 3300,
  cell_spread_max_mv: 60,
  cell_spread_avg_mv: 55,
  cell_spread_samples: 2,
  bms_temp_min_dc: 200,
  bms_temp_max_dc: 210,
  sleep_s: 0,
  charge_s: 60,
  discharge_s: 0,
  idle_s: 0,
  other_state_s: 0,
  state_last: 'charge',
};

/** Store, read and drain helpers over one test database. */
function rollupKit(ctx: DatabaseContext) {
  const store = async (gatewayId: string, stringId: string, samples: PackSample[]) =>
    new PackSampleRepository(ctx.pool).storeBatch({
      msgId: `m-${uniqueSuffix()}`,
      gatewayId,
      rows: samples.map((sample) => ({ stringId, sample })),
    });
  // The 1m tier is read back through the function that unpacks its hour rows into minute rows.
  const rows = async (tier: string, stringId: string) =>
    (
      await ctx.pool.query(
        tier === '1m'
          ? `SELECT * FROM string_rollup_1m_minutes($1, '-infinity', 'infinity')`
          : `SELECT * FROM string_rollup_${tier} WHERE string_id = $1 ORDER BY bucket_start`,
        [stringId],
      )
    ).rows;
  const drain = async (sut: RollupRepository, maxHours = 100) => {
    const runs = [];
    for (;;) {
      const run = await sut.runOnce({ maxHours, ...ANY_AGE });
      if (run.hours + run.skippedOld === 0) {
        return runs;
      }
      runs.push(run);
    }
  };
  /** The series stored and rolled up for a new string. */
  const seriesString = async () => {
    const string = await createBmsString(ctx.prisma);
    await store(string.gatewayId, string.id, SERIES);
    const sut = new RollupRepository(ctx.pool);
    return { string, sut };
  };
  return { store, rows, drain, seriesString };
}

describe.each(targets)('RollupRepository on $name: the hand-worked series', (target) => {
  const ctx = useTestDatabase(target);
  const { rows, drain, seriesString } = rollupKit(ctx);

  it('queues the hours the samples touch, neighbours within the gap limit included', async () => {
    const { string } = await seriesString();
    const dirty = await ctx.pool.query(
      'SELECT bucket_start FROM rollup_dirty WHERE string_id = $1 ORDER BY 1',
      [string.id],
    );
    // 10:00:00 is within the gap limit of 09:xx, 11:01 of 10:xx: hours 09, 10 and 11.
    expect(dirty.rows.map((r) => r.bucket_start)).toEqual([
      new Date(T('09:00:00')),
      new Date(T('10:00:00')),
      new Date(T('11:00:00')),
    ]);
  });

  it('computes 1h rows that match it', async () => {
    const { string, sut } = await seriesString();
    await drain(sut);

    const hours = await rows('1h', string.id);
    expect(hours).toHaveLength(2);
    const h10 = hours[0];
    expect(h10).toMatchObject(EXPECTED_HOUR_10);
    expect(h10.energy_in_wh).toBeCloseTo(30 * WH_PER_S_AT_4KW + 7.5 * WH_PER_S_AT_4KW, 2);
    expect(h10.energy_out_wh).toBeCloseTo(7.5 * WH_PER_S_AT_4KW + 240 * WH_PER_S_AT_4KW, 2);
    expect(hours[1]).toMatchObject({ samples: 1, covered_s: 60, idle_s: 60, soc_last_pct: 56 });
    expect(await sut.pending()).toBe(0);
  });

  it('computes 1m rows that add up to their hour, and 1d rows from the hours', async () => {
    const { string, sut } = await seriesString();
    await drain(sut);
    const h10 = (await rows('1h', string.id))[0];
    const minutes = await rows('1m', string.id);
    expect(minutes.map((m) => [m.bucket_start.toISOString().slice(11, 16), m.samples, m.covered_s])).toEqual([
      ['10:00', 2, 60],
      ['10:01', 1, 240],
      ['10:05', 1, 0],
      ['10:20', 1, 0],
      ['10:59', 1, 60],
      ['11:01', 1, 60],
    ]);
    expect(minutes[1].energy_out_wh).toBeCloseTo(240 * WH_PER_S_AT_4KW, 2);
    expect(minutes[1].discharge_s).toBe(240);

    const days = await rows('1d', string.id);
    expect(days).toHaveLength(1);
    expect(days[0]).toMatchObject({
      bucket_start: new Date('2026-11-20T00:00:00Z'),
      samples: 7,
      covered_s: 420,
      idle_s: 120,
      pack_current_last_da: 0,
      soc_last_pct: 56,
      soc_min_pct: 50,
      cell_spread_avg_mv: 55,
      state_last: 'idle',
    });
    expect(days[0].pack_current_avg_da).toBeCloseTo(0, 5);
    expect(days[0].energy_out_wh).toBeCloseTo(h10.energy_out_wh, 2);
  });
});

describe.each(targets)('RollupRepository on $name: packed 1m hour rows', (target) => {
  const ctx = useTestDatabase(target);
  const kit = rollupKit(ctx);
  const { rows, drain, seriesString } = kit;

  it('gives every field of a minute back from its slot in the hour row', async () => {
    const { string, sut } = await seriesString();
    await drain(sut);
    const minutes = await rows('1m', string.id);
    expect(minutes[0]).toMatchObject({ string_id: string.id, ...EXPECTED_MINUTE_10_00 });
    expect(minutes[0].energy_in_wh).toBeCloseTo(37.5 * WH_PER_S_AT_4KW, 2);
    expect(minutes[0].energy_out_wh).toBeCloseTo(7.5 * WH_PER_S_AT_4KW, 2);
    expect(minutes[1]).toMatchObject({ alarm_bits_any: 4, state_last: 'discharge' });
    // One stored row per (string, hour): 10:00 and 11:00.
    const stored = await ctx.pool.query(
      'SELECT hour_start, minute_no FROM string_rollup_1m WHERE string_id = $1 ORDER BY 1',
      [string.id],
    );
    expect(stored.rows).toEqual([
      { hour_start: new Date(T('10:00:00')), minute_no: [0, 1, 5, 20, 59] },
      { hour_start: new Date(T('11:00:00')), minute_no: [1] },
    ]);
  });

  it('stores a reading outside 16 bits as null in the minute, kept in the hour', async () => {
    const { store, rows, drain } = kit;
    const string = await createBmsString(ctx.prisma);
    await store(string.gatewayId, string.id, [s('10:00:00', 100, { cellMaxMv: 0xffff, cellMinMv: 3300 })]);
    await drain(new RollupRepository(ctx.pool));
    expect((await rows('1m', string.id))[0]).toMatchObject({
      samples: 1,
      cell_max_mv_max: null,
      cell_min_mv_min: 3300,
    });
    expect((await rows('1h', string.id))[0]).toMatchObject({ samples: 1, cell_max_mv_max: 0xffff });
  });
});

describe.each(targets)('RollupRepository on $name: late data', (target) => {
  const ctx = useTestDatabase(target);
  const { store, rows, drain, seriesString } = rollupKit(ctx);

  it('corrects old 1m, 1h and 1d rows when a week-old batch arrives late', async () => {
    const { string, sut } = await seriesString();
    await drain(sut);
    // A week later the string reports as usual; then a spooled batch from the old day arrives.
    await store(string.gatewayId, string.id, [packSampleData({ ts: '2026-11-27T10:00:00.000Z' })]);
    await drain(sut);
    const before = (await rows('1d', string.id))[0];

    await store(string.gatewayId, string.id, [s('10:10:00', -100, { state: 'discharge' })]);
    expect(await sut.pending()).toBeGreaterThan(0);
    await drain(sut);

    // 10:05-10:10 at -4000 W and 10:10-10:20 from -4000 W to 0 (600 s: within the gap limit).
    const extraOut = 300 * WH_PER_S_AT_4KW + 300 * WH_PER_S_AT_4KW;
    const h10 = (await rows('1h', string.id))[0];
    expect(h10).toMatchObject({ samples: 7, covered_s: 1260, discharge_s: 1140 });
    expect(h10.energy_out_wh).toBeCloseTo(7.5 * WH_PER_S_AT_4KW + 240 * WH_PER_S_AT_4KW + extraOut, 2);
    const minutes = await rows('1m', string.id);
    const m1005 = minutes.find((m) => m.bucket_start.getTime() === Date.parse(T('10:05:00')));
    const m1010 = minutes.find((m) => m.bucket_start.getTime() === Date.parse(T('10:10:00')));
    expect(m1005).toMatchObject({ samples: 1, covered_s: 300, discharge_s: 300 });
    expect(m1010).toMatchObject({ samples: 1, covered_s: 600, discharge_s: 600 });
    const after = (await rows('1d', string.id))[0];
    expect(after.samples).toBe(before.samples + 1);
    expect(after.covered_s).toBe(before.covered_s + 900);
    expect(after.energy_out_wh).toBeCloseTo(before.energy_out_wh + extraOut, 2);
  });

  it('drops dirty hours older than the recompute horizon without touching their rollups', async () => {
    const { string, sut } = await seriesString();
    const run = await sut.runOnce({ maxHours: 100, recomputeAfter: new Date(T('11:00:00')) });
    expect(run).toEqual({ hours: 1, days: 1, skippedOld: 2 });
    expect((await rows('1h', string.id)).map((r) => r.bucket_start)).toEqual([new Date(T('11:00:00'))]);
  });
});

describe.each(targets)('RollupRepository on $name: concurrent runs', (target) => {
  const ctx = useTestDatabase(target);
  const { store, drain } = rollupKit(ctx);

  it('splits the queue between two concurrent runs without double counting', async () => {
    const strings = [await createBmsString(ctx.prisma)];
    strings.push(await createBmsString(ctx.prisma, { gatewayId: strings[0]!.gatewayId, bmsAddress: 1 }));
    for (const string of strings) {
      // 30 hours at 30 s: spans cross every hour and day edge in the run.
      const start = Date.parse('2026-11-21T20:00:00Z');
      const samples = Array.from({ length: 30 * 120 }, (_, i) =>
        packSampleData({
          ts: new Date(start + i * 30_000).toISOString(),
          packVoltageDv: 4000 + (i % 50),
          packCurrentDa: ((i * 37) % 400) - 200,
          socPct: 20 + (i % 60),
          state: i % 3 === 0 ? 'charge' : 'discharge',
        }),
      );
      await store(string.gatewayId, string.id, samples);
    }
    const sut = new RollupRepository(ctx.pool);
    const queued = await sut.pending();

    const [a, b] = await Promise.all([drain(sut, 3), drain(new RollupRepository(ctx.pool), 3)]);
    const done = [...a, ...b].reduce((n, r) => n + r.hours, 0);
    expect(done).toBe(queued);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);

    const totals = async () =>
      (
        await ctx.pool.query(
          `SELECT t.tier, r.string_id, sum(r.samples)::int AS samples, sum(r.covered_s)::float8 AS covered,
                  round(sum(r.energy_in_wh)::numeric, 1)::float8 AS wh_in
             FROM (VALUES ('1m'), ('1h'), ('1d')) t(tier)
             CROSS JOIN LATERAL (
               SELECT m.* FROM unnest($1::uuid[]) u(id), string_rollup_1m_minutes(u.id, '-infinity', 'infinity') m
                WHERE t.tier = '1m'
               UNION ALL SELECT * FROM string_rollup_1h WHERE t.tier = '1h'
               UNION ALL SELECT * FROM string_rollup_1d WHERE t.tier = '1d') r
            WHERE r.string_id = ANY($1::uuid[])
            GROUP BY 1, 2 ORDER BY 1, 2`,
          [strings.map((x) => x.id)],
        )
      ).rows;
    const concurrent = await totals();
    for (const row of concurrent) {
      expect(row.samples).toBe(30 * 120);
      expect(row.covered).toBe((30 * 120 - 1) * 30);
    }
    // Recomputing everything once, alone, gives exactly the same rows.
    await ctx.pool.query(
      `INSERT INTO rollup_dirty (string_id, bucket_start)
       SELECT DISTINCT string_id, date_bin('1 hour', ts, '2000-01-01Z') FROM pack_sample
        WHERE string_id = ANY($1::uuid[]) ON CONFLICT DO NOTHING`,
      [strings.map((x) => x.id)],
    );
    await drain(sut);
    expect(await totals()).toEqual(concurrent);
  });
});
