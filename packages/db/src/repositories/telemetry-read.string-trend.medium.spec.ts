import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import {
  createBmsString,
  createTenant,
  packSampleData,
  testDatabaseTargets,
  uniqueSuffix,
} from '../testing/index.js';
import { PackSampleRepository } from './pack-sample.repository.js';
import { RollupRepository } from './rollup.repository.js';
import { TelemetryReadRepository } from './telemetry-read.repository.js';

const targets = await testDatabaseTargets();
const HOUR_MS = 3_600_000;
// Two whole hours of samples, one a minute, SOH falling from 99 to 98 in the second hour.
const now = new Date(Math.floor(Date.now() / HOUR_MS) * HOUR_MS);
const start = new Date(now.getTime() - 3 * HOUR_MS);

describe.each(targets)('TelemetryReadRepository.stringTrend on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('reads the tier that fits the range, from rollups the job computed', async () => {
    const string = await createBmsString(ctx.prisma);
    await new PackSampleRepository(ctx.pool).storeBatch({
      msgId: `m-${uniqueSuffix()}`,
      gatewayId: string.gatewayId,
      rows: Array.from({ length: 120 }, (_, i) => ({
        stringId: string.id,
        sample: packSampleData({
          ts: new Date(start.getTime() + i * 60_000).toISOString(),
          sohPct: i < 60 ? 99 : 98,
          cellMaxMv: 3340 + (i % 10),
          cellMinMv: 3320,
        }),
      })),
    });
    await new RollupRepository(ctx.pool).runOnce({ maxHours: 100, recomputeAfter: new Date(0) });
    const sut = new TelemetryReadRepository(ctx.pool);
    const trend = (from: Date, to: Date, bucket?: 'auto' | '1m' | '1h' | '1d' | 'raw') =>
      sut.stringTrend(string.tenantId, string.id, { from, to, ...(bucket ? { bucket } : {}) }, now);

    const raw = await trend(start, new Date(start.getTime() + HOUR_MS));
    expect(raw.tier).toBe('raw');
    expect(raw.points).toHaveLength(60);

    const hourly = await trend(new Date(now.getTime() - 30 * 24 * HOUR_MS), now);
    expect(hourly.tier).toBe('1h');
    expect(hourly.points.map((p) => [p.samples, p.sohPct, p.cellSpreadMaxMv, p.cellSpreadAvgMv])).toEqual([
      [60, 99, 29, 24.5],
      [60, 98, 29, 24.5],
    ]);

    const yearly = await trend(new Date(now.getTime() - 365 * 24 * HOUR_MS), now);
    expect(yearly.tier).toBe('1d');
    expect(yearly.points.reduce((n, p) => n + p.samples, 0)).toBe(120);
    expect(yearly.points.at(-1)?.sohPct).toBe(98);

    const minutes = await trend(start, now, '1m');
    expect(minutes.tier).toBe('1m');
    expect(minutes.points).toHaveLength(120);
    // Unpacked from the hour rows: each minute its own sample's values (spread 3340 + i % 10 - 3320).
    expect(
      minutes.points.slice(0, 2).map((p) => [p.bucketStart, p.samples, p.sohPct, p.cellSpreadMaxMv]),
    ).toEqual([
      [start, 1, 99, 20],
      [new Date(start.getTime() + 60_000), 1, 99, 21],
    ]);
    // A range cutting through both hours: only its minutes, from the two hour rows it overlaps.
    const middle = await trend(
      new Date(start.getTime() + HOUR_MS / 2),
      new Date(start.getTime() + 1.5 * HOUR_MS),
      '1m',
    );
    expect(middle.points.map((p) => p.bucketStart.getTime())).toEqual(
      Array.from({ length: 60 }, (_, i) => start.getTime() + HOUR_MS / 2 + i * 60_000),
    );
    expect(middle.points.map((p) => p.sohPct)).toEqual([...Array(30).fill(99), ...Array(30).fill(98)]);
  });

  it('gives no points for another tenant’s string', async () => {
    const string = await createBmsString(ctx.prisma);
    const other = await createTenant(ctx.prisma);
    await ctx.pool.query(
      `INSERT INTO string_rollup_1d (string_id, bucket_start, samples, covered_s, cell_spread_samples,
              energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s, idle_s, other_state_s)
       VALUES ($1, $2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0)`,
      [string.id, new Date(now.getTime() - 24 * HOUR_MS)],
    );
    const sut = new TelemetryReadRepository(ctx.pool);
    const range = { from: new Date(now.getTime() - 365 * 24 * HOUR_MS), to: now };
    expect((await sut.stringTrend(string.tenantId, string.id, range, now)).points).toHaveLength(1);
    expect((await sut.stringTrend(other.id, string.id, range, now)).points).toEqual([]);
  });
});
