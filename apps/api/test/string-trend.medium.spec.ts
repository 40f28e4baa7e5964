import { PackSampleRepository, type PgPool, type PrismaClient, RollupRepository } from '@fleet/db';
import { packSampleData, testDatabaseTargets, uniqueSuffix } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, seedAccessWorld } from './access/access-world.js';
import { useApiFixture } from './support/api-fixture.js';

const targets = await testDatabaseTargets();
const HOUR_MS = 3_600_000;
// Two whole hours of samples on string A1, one a minute, SOH 99 in the first hour and 98 in the second.
const hour = Math.floor(Date.now() / HOUR_MS) * HOUR_MS;
const start = new Date(hour - 3 * HOUR_MS);
const end = new Date(start.getTime() + 2 * HOUR_MS);

async function seedWithHistory(prisma: PrismaClient, pool: PgPool): Promise<AccessWorld> {
  const world = await seedAccessWorld(prisma, pool);
  await new PackSampleRepository(pool).storeBatch({
    msgId: `trend-${uniqueSuffix()}`,
    gatewayId: world.a.gatewayId,
    rows: Array.from({ length: 120 }, (_, i) => ({
      stringId: world.a.stringId,
      sample: packSampleData({
        ts: new Date(start.getTime() + i * 60_000).toISOString(),
        packVoltageDv: 5120 + (i % 2),
        sohPct: i < 60 ? 99 : 98,
      }),
    })),
  });
  await new RollupRepository(pool).runOnce({ maxHours: 100, recomputeAfter: new Date(0) });
  return world;
}

const range = (from: Date, to: Date) => `from=${from.toISOString()}&to=${to.toISOString()}`;

describe.each(targets)('string trend and export on $name', (target) => {
  const api = useApiFixture(target, seedWithHistory);
  let w: AccessWorld;
  let admin: string;

  beforeAll(async () => {
    w = api.seed;
    admin = await api.login(w.users.org_admin);
  });

  it('reads the seeded range raw, in hours, and picks the tier itself with auto', async () => {
    const raw = await api.get(`/strings/${w.a.stringId}/trend?${range(start, end)}&bucket=raw`, admin);
    expect(raw.status).toBe(200);
    const rawBody = (await raw.json()) as {
      tier: string;
      points: Array<{ bucketStart: string; samples: number }>;
    };
    expect(rawBody.tier).toBe('raw');
    expect(rawBody.points).toHaveLength(120);
    expect(rawBody.points[0]).toMatchObject({ bucketStart: start.toISOString(), samples: 1 });

    const hourly = await api.get(`/strings/${w.a.stringId}/trend?${range(start, end)}&bucket=1h`, admin);
    expect(await hourly.json()).toMatchObject({
      tier: '1h',
      nominalWh: null, // the world's string has no module count: no nominal energy is made up
      points: [
        { bucketStart: start.toISOString(), samples: 60, sohPct: 99, packVoltageAvgDv: 5120.5 },
        { bucketStart: new Date(start.getTime() + HOUR_MS).toISOString(), samples: 60, sohPct: 98 },
      ],
    });

    const month = await api.get(
      `/strings/${w.a.stringId}/trend?${range(new Date(hour - 30 * 24 * HOUR_MS), end)}`,
      admin,
    );
    const monthBody = (await month.json()) as { tier: string; points: Array<{ samples: number }> };
    expect(monthBody.tier).toBe('1h');
    expect(monthBody.points.map((p) => p.samples)).toEqual([60, 60]);
  });

  it('refuses a reversed range and one longer than the tier allows (400), and foreign strings (404)', async () => {
    const reversed = await api.get(`/strings/${w.a.stringId}/trend?${range(end, start)}`, admin);
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { message: string }).message).toContain('from');
    const tooLong = await api.get(
      `/strings/${w.a.stringId}/trend?${range(new Date(hour - 3 * 24 * HOUR_MS), end)}&bucket=raw`,
      admin,
    );
    expect(tooLong.status).toBe(400);
    expect((await api.get(`/strings/${w.b.stringId}/trend?${range(start, end)}`, admin)).status).toBe(404);
    const foreign = await api.login(w.users.foreign);
    expect((await api.get(`/strings/${w.a.stringId}/export?${range(start, end)}`, foreign)).status).toBe(404);
  });

  it('exports CSV with units in the header, one line per row, as an attachment without an ETag', async () => {
    const response = await api.get(`/strings/${w.a.stringId}/export?${range(start, end)}&bucket=raw`, admin);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="string-.*-raw-.*\.csv"$/,
    );
    expect(response.headers.get('etag')).toBeNull();
    const lines = (await response.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'bucket_start,samples,soh_pct,soc_min_pct,soc_max_pct,pack_voltage_avg_dv,pack_current_avg_da,cell_max_mv,cell_min_mv,cell_spread_max_mv,cell_spread_avg_mv,bms_temp_max_dc,cell_temp_max_dc,energy_in_wh,energy_out_wh,bms_temp_min_dc,cell_temp_min_dc,covered_s',
    );
    expect(lines).toHaveLength(121);
    expect(lines[1]).toMatch(new RegExp(`^${start.toISOString()},1,99,`));
  });

  it('exports the same rows as JSON, across several read windows', async () => {
    // 8.5 h of raw rows are read in two 6-hour windows; `to` stops short of the world's sample at now.
    const from = new Date(start.getTime() - 6 * HOUR_MS);
    const to = new Date(end.getTime() + HOUR_MS / 2);
    const response = await api.get(
      `/strings/${w.a.stringId}/export?${range(from, to)}&bucket=raw&format=json`,
      admin,
    );
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = (await response.json()) as { tier: string; points: Array<{ bucketStart: string }> };
    expect(body.tier).toBe('raw');
    expect(body.points).toHaveLength(120);
    const times = body.points.map((p) => Date.parse(p.bucketStart));
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});
