import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, packSampleData, testDatabaseTargets, uniqueSuffix } from '../testing/index.js';
import { PackSampleRepository } from './pack-sample.repository.js';
import { TimePartitionRepository } from './time-partition.repository.js';

const targets = await testDatabaseTargets();

describe.each(targets)('PackSampleRepository.storeBatch columns on $name', (target) => {
  const ctx = useTestDatabase(target);
  const sut = () => new PackSampleRepository(ctx.pool);
  it('stores every column of a batch and moves the last-seen marks', async () => {
    const string = await createBmsString(ctx.prisma);
    const full = packSampleData({
      ts: '2026-11-25T10:00:00.000Z',
      packVoltageDv: 4012,
      packCurrentDa: -123,
      bmsTempDc: -15,
      socPct: 55,
      sohPct: 97,
      chargeCutoffDv: 4380,
      dischargeCutoffDv: 3600,
      chargeLimitDa: 250,
      dischargeLimitDa: -250,
      dischargeLimitRaw: 65286,
      cellMaxMv: 3345,
      cellMinMv: 3320,
      cellMaxNo: 17,
      cellMinNo: 3,
      cellTempMaxDc: 231,
      cellTempMinDc: 198,
      cellTempMaxNo: 2,
      cellTempMinNo: 9,
      state: 'discharge',
      statusByte: 2,
      cyclePeriodRaw: 12,
      errorBits: 0,
      alarmBits: 4,
      protectionBits: 0,
      chargeForbidden: false,
      dischargeForbidden: true,
      raw: { '4260': '0102030405060708' },
    });
    const sparse = packSampleData({ ts: '2026-11-25T10:00:05.000Z' });

    const result = await sut().storeBatch({
      msgId: `m-${uniqueSuffix()}`,
      gatewayId: string.gatewayId,
      rows: [full, sparse].map((sample) => ({ stringId: string.id, sample })),
    });

    expect(result).toEqual({ duplicate: false, stored: 2 });
    const { rows } = await ctx.pool.query('SELECT * FROM pack_sample WHERE string_id = $1 ORDER BY ts', [
      string.id,
    ]);
    expect(rows[0]).toMatchObject({
      ts: new Date(full.ts),
      pack_voltage_dv: 4012,
      pack_current_da: -123,
      bms_temp_dc: -15,
      discharge_limit_raw: 65286,
      cell_max_no: 17,
      state: 'discharge',
      alarm_bits: 4,
      charge_forbidden: false,
      discharge_forbidden: true,
      raw: { '4260': '0102030405060708' },
    });
    expect(rows[1]).toMatchObject({
      charge_cutoff_dv: null,
      state: null,
      raw: null,
      discharge_forbidden: null,
    });
    const marks = await ctx.prisma.bmsString.findUniqueOrThrow({
      where: { id: string.id },
      include: { gateway: true },
    });
    expect(marks.lastSampleAt).toEqual(new Date(sparse.ts));
    expect(marks.gateway.lastSeenAt).toEqual(new Date(sparse.ts));
  });
});

describe.each(targets)('PackSampleRepository.storeBatch dedupe on $name', (target) => {
  const ctx = useTestDatabase(target);
  const sut = () => new PackSampleRepository(ctx.pool);
  const countSamples = async (stringId: string) => {
    const { rows } = await ctx.pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pack_sample WHERE string_id = $1',
      [stringId],
    );
    return rows[0]!.n;
  };

  it('writes nothing for a batch already in the ledger, even with other rows', async () => {
    const string = await createBmsString(ctx.prisma);
    const msgId = `m-${uniqueSuffix()}`;
    const first = [packSampleData({ ts: '2026-11-25T11:00:00.000Z' })];
    const replay = [packSampleData({ ts: '2026-11-25T11:00:10.000Z' })];

    await sut().storeBatch({
      msgId,
      gatewayId: string.gatewayId,
      rows: [{ stringId: string.id, sample: first[0]! }],
    });
    const again = await sut().storeBatch({
      msgId,
      gatewayId: string.gatewayId,
      rows: [{ stringId: string.id, sample: replay[0]! }],
    });

    expect(again).toEqual({ duplicate: true, stored: 0 });
    expect(await countSamples(string.id)).toBe(1);
  });

  it('skips samples whose (string, ts) is stored already: the primary key is the second guard', async () => {
    const string = await createBmsString(ctx.prisma);
    const sample = packSampleData({ ts: '2026-11-25T12:00:00.000Z' });
    const row = { stringId: string.id, sample };

    await sut().storeBatch({ msgId: `a-${uniqueSuffix()}`, gatewayId: string.gatewayId, rows: [row] });
    const other = await sut().storeBatch({
      msgId: `b-${uniqueSuffix()}`,
      gatewayId: string.gatewayId,
      rows: [row, row, { stringId: string.id, sample: { ...sample, ts: '2026-11-25T12:00:05.000Z' } }],
    });

    expect(other).toEqual({ duplicate: false, stored: 1 });
    expect(await countSamples(string.id)).toBe(2);
  });

  it('never moves last_sample_at backwards for an older batch', async () => {
    const string = await createBmsString(ctx.prisma);
    const store = (ts: string) =>
      sut().storeBatch({
        msgId: `m-${uniqueSuffix()}`,
        gatewayId: string.gatewayId,
        rows: [{ stringId: string.id, sample: packSampleData({ ts }) }],
      });
    await store('2026-11-25T13:00:00.000Z');
    await store('2026-11-25T09:00:00.000Z');
    const after = await ctx.prisma.bmsString.findUniqueOrThrow({ where: { id: string.id } });
    expect(after.lastSampleAt).toEqual(new Date('2026-11-25T13:00:00.000Z'));
  });
});

describe.each(targets)('PackSampleRepository time layout on $name', (target) => {
  const ctx = useTestDatabase(target);
  const sut = () => new PackSampleRepository(ctx.pool);

  it('buckets samples the same way on both databases', async () => {
    const string = await createBmsString(ctx.prisma);
    const at = (minute: number, second: number, voltage: number, soc: number) =>
      packSampleData({
        ts: new Date(Date.UTC(2026, 10, 20, 8, minute, second)).toISOString(),
        packVoltageDv: voltage,
        socPct: soc,
        cellMinMv: 3300 + minute,
      });
    const samples = [at(0, 0, 4000, 50), at(0, 30, 4010, 51), at(4, 59, 4020, 52), at(5, 0, 4100, 60)];
    await sut().storeBatch({
      msgId: `m-${uniqueSuffix()}`,
      gatewayId: string.gatewayId,
      rows: samples.map((sample) => ({ stringId: string.id, sample })),
    });

    const buckets = await sut().buckets({
      stringId: string.id,
      from: new Date('2026-11-20T08:00:00Z'),
      to: new Date('2026-11-20T09:00:00Z'),
      bucketSeconds: 300,
    });

    expect(buckets).toEqual([
      expect.objectContaining({
        bucket: new Date('2026-11-20T08:00:00Z'),
        samples: 3,
        packVoltageDvAvg: 4010,
        socPctMin: 50,
        socPctMax: 52,
        cellMinMv: 3300,
      }),
      expect.objectContaining({
        bucket: new Date('2026-11-20T08:05:00Z'),
        samples: 1,
        packVoltageDvAvg: 4100,
      }),
    ]);
  });

  it(`keeps rows outside the managed months (${target.name === 'postgres' ? 'default partition' : 'chunks'})`, async () => {
    const string = await createBmsString(ctx.prisma);
    const old = packSampleData({ ts: '2019-03-10T00:00:00.000Z' });
    const result = await sut().storeBatch({
      msgId: `m-${uniqueSuffix()}`,
      gatewayId: string.gatewayId,
      rows: [{ stringId: string.id, sample: old }],
    });
    expect(result.stored).toBe(1);

    const created = await new TimePartitionRepository(ctx.pool).ensurePartitions(
      new Date('2019-03-01T00:00:00Z'),
      new Date('2019-03-02T00:00:00Z'),
    );
    const { rows } = await ctx.pool.query<{ home: string }>(
      'SELECT tableoid::regclass::text AS home FROM pack_sample WHERE string_id = $1',
      [string.id],
    );
    if (target.name === 'postgres') {
      // The month's partitions (pack_sample, cell_snapshot, bms_event) were created and the row
      // moved out of the default partition.
      expect(created).toBe(3);
      expect(rows).toEqual([{ home: 'pack_sample_p201903' }]);
    } else {
      expect(created).toBe(0);
      expect(rows[0]!.home).toMatch(/^_timescaledb_internal\./);
    }
  });
});

describe.each(targets)('pack_sample layout on $name', (target) => {
  const ctx = useTestDatabase(target);

  it(
    target.name === 'timescaledb'
      ? 'is a hypertable with 1-day chunks'
      : 'is range-partitioned with a default',
    async () => {
      if (target.name === 'timescaledb') {
        const { rows } = await ctx.pool.query(
          `SELECT d.column_name, d.time_interval FROM timescaledb_information.dimensions d
          WHERE d.hypertable_name = 'pack_sample'`,
        );
        expect(rows).toEqual([{ column_name: 'ts', time_interval: { days: 1 } }]);
      } else {
        const { rows } = await ctx.pool.query<{ name: string; bound: string }>(
          `SELECT c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
          WHERE i.inhparent = 'pack_sample'::regclass ORDER BY 1`,
        );
        expect(rows).toContainEqual({ name: 'pack_sample_default', bound: 'DEFAULT' });
        const month = new Date().toISOString().slice(0, 7).replace('-', '');
        expect(rows.map((r) => r.name)).toContain(`pack_sample_p${month}`);
      }
    },
  );
});
