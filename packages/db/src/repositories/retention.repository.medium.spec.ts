import { describe, expect, it } from 'vitest';
import { type DatabaseContext, useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, testDatabaseTargets, uniqueSuffix } from '../testing/index.js';
import { RetentionRepository } from './retention.repository.js';
import { probeTimescaleCapabilities } from './retention-capabilities.js';

const targets = await testDatabaseTargets();
const DAY_MS = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);

/** One row in each tiered table (and the kept-forever rollups) at the given age. */
async function seedAt(ctx: DatabaseContext, stringId: string, gatewayId: string, days: number) {
  const ts = ago(days);
  await ctx.pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct)
     VALUES ($1, $2, 4000, 0, 200, 50, 100)`,
    [stringId, ts],
  );
  await ctx.pool.query(
    `INSERT INTO cell_snapshot (string_id, ts, module_count, cell_voltages_mv, cell_min_mv, cell_max_mv)
     VALUES ($1, $2, 1, '{{3300,3310}}', 3300, 3310)`,
    [stringId, ts],
  );
  // The 1m tier: the hour row holding the minute of ts, with that one minute in it.
  await ctx.pool.query(
    `INSERT INTO string_rollup_1m (string_id, hour_start, minute_no, ints, reals, bits, state_last)
     VALUES ($1, date_bin('1 hour', $2::timestamptz, '2000-01-01Z'), ARRAY[extract(minute FROM $2::timestamptz)::smallint],
             array_fill(1::smallint, ARRAY[20, 1]), array_fill(0::real, ARRAY[11, 1]),
             array_fill(0, ARRAY[4, 1]), ARRAY['idle'])`,
    [stringId, ts],
  );
  for (const tier of ['1h', '1d']) {
    await ctx.pool.query(
      `INSERT INTO string_rollup_${tier} (string_id, bucket_start, samples, covered_s, cell_spread_samples,
              energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
       VALUES ($1, $2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
      [stringId, ts],
    );
  }
  await ctx.pool.query(
    'INSERT INTO ingest_batch (msg_id, gateway_id, sample_count, stored_at) VALUES ($1, $2, 1, $3)',
    [`m-${uniqueSuffix()}`, gatewayId, ts],
  );
}

/** Ages in days of the rows left in a table for the string (rounded). */
async function ages(ctx: DatabaseContext, table: string, column: string, stringId: string) {
  const { rows } = await ctx.pool.query<{ at: Date }>(
    `SELECT ${column} AS at FROM ${table} WHERE string_id = $1 ORDER BY 1 DESC`,
    [stringId],
  );
  return rows.map((r) => Math.round((now.getTime() - r.at.getTime()) / DAY_MS));
}

describe.each(targets)('RetentionRepository on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('drops exactly what each tier allows: raw after 90 days, 1m after 2 years, 1h and 1d never', async () => {
    const string = await createBmsString(ctx.prisma);
    const AGES = [1, 29, 31, 89, 91, 200, 729, 731, 2000];
    for (const days of AGES) {
      await seedAt(ctx, string.id, string.gatewayId, days);
    }
    // Monthly partitions across the whole range on plain PostgreSQL (no-op on TimescaleDB), so
    // whole partitions are dropped as well as rows deleted from the straddling one.
    await ctx.pool.query("SELECT ensure_time_partitions('pack_sample', $1, $2)", [ago(2100), now]);
    await ctx.pool.query("SELECT ensure_rollup_partitions('string_rollup_1m', $1, $2, 'month')", [
      ago(2100),
      now,
    ]);

    const report = await new RetentionRepository(ctx.pool).apply(now);

    expect(await ages(ctx, 'pack_sample', 'ts', string.id)).toEqual([1, 29, 31, 89]);
    expect(await ages(ctx, 'cell_snapshot', 'ts', string.id)).toEqual([1, 29, 31, 89]);
    expect(await ages(ctx, 'string_rollup_1m', 'hour_start', string.id)).toEqual([
      1, 29, 31, 89, 91, 200, 729,
    ]);
    expect(await ages(ctx, 'string_rollup_1h', 'bucket_start', string.id)).toEqual(AGES);
    expect(await ages(ctx, 'string_rollup_1d', 'bucket_start', string.id)).toEqual(AGES);
    const ledger = await ctx.pool.query<{ at: Date }>(
      'SELECT stored_at AS at FROM ingest_batch WHERE gateway_id = $1 ORDER BY 1 DESC',
      [string.gatewayId],
    );
    expect(ledger.rows.map((r) => Math.round((now.getTime() - r.at.getTime()) / DAY_MS))).toEqual([1, 29]);
    // The old raw rows went with whole chunks/partitions, not only row by row.
    const raw = report.find((r) => r.table === 'pack_sample');
    expect(raw?.droppedParts).toBeGreaterThan(0);
    expect(report.find((r) => r.table === 'string_rollup_1m')?.droppedParts).toBeGreaterThan(0);
  });

  it('reports what the server offers: Debian TimescaleDB is the Apache edition', async () => {
    const caps = await probeTimescaleCapabilities(ctx.pool);
    if (target.name === 'timescaledb') {
      expect(caps).toMatchObject({ timescaledb: true, license: 'apache', compression: false });
    } else {
      expect(caps).toEqual({
        timescaledb: false,
        version: null,
        license: null,
        compression: false,
        continuousAggregates: false,
      });
    }
  });
});
