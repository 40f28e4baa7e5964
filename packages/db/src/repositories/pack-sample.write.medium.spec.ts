import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, packSampleData, testDatabaseTargets, uniqueSuffix } from '../testing/index.js';
import { PackSampleRepository } from './pack-sample.repository.js';
import type { StoreBatchInput } from './pack-sample.types.js';
import { QuarantineRepository } from './quarantine.repository.js';

const targets = await testDatabaseTargets();

const at = (base: string, seconds: number) => new Date(Date.parse(base) + seconds * 1000).toISOString();

/** A batch of `count` samples of one string, 5 s apart from `base` + `offset` samples. */
function batch(string: { id: string; gatewayId: string }, base: string, offset: number, count: number) {
  return {
    msgId: `m-${uniqueSuffix()}`,
    gatewayId: string.gatewayId,
    rows: Array.from({ length: count }, (_, k) => ({
      stringId: string.id,
      sample: packSampleData({ ts: at(base, (offset + k) * 5), socPct: (offset + k) % 100 }),
    })),
  } satisfies StoreBatchInput;
}

describe.each(targets)('PackSampleRepository.storeBatches on $name', (target) => {
  const ctx = useTestDatabase(target);
  const sut = () => new PackSampleRepository(ctx.pool);
  const count = async (stringId: string) =>
    (
      await ctx.pool.query<{ n: number; distinct: number }>(
        'SELECT count(*)::int AS n, count(DISTINCT ts)::int AS distinct FROM pack_sample WHERE string_id = $1',
        [stringId],
      )
    ).rows[0]!;
  const ledger = async (msgIds: string[]) =>
    (
      await ctx.pool.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM ingest_batch WHERE msg_id = ANY($1::text[])',
        [msgIds],
      )
    ).rows[0]!.n;

  it('writes a group of batches with one COPY, a ledger row each', async () => {
    const string = await createBmsString(ctx.prisma);
    const group = [0, 10, 20].map((offset) => batch(string, '2026-11-25T10:00:00.000Z', offset, 10));

    const result = await sut().storeBatches(group);

    expect(result).toEqual({ path: 'copy', results: group.map(() => ({ duplicate: false, stored: 10 })) });
    expect(await count(string.id)).toEqual({ n: 30, distinct: 30 });
    expect(await ledger(group.map((b) => b.msgId))).toBe(3);
  });

  it('stores nothing twice for a replayed group, a batch twice in one group, or a replay beside new ones', async () => {
    const string = await createBmsString(ctx.prisma);
    const [a, b, c] = [0, 10, 20].map((offset) => batch(string, '2026-11-25T11:00:00.000Z', offset, 10));
    await sut().storeBatches([a!, b!]);

    const replayed = await sut().storeBatches([a!, b!]);
    const mixed = await sut().storeBatches([b!, c!, c!]);

    expect(replayed.results).toEqual([
      { duplicate: true, stored: 0 },
      { duplicate: true, stored: 0 },
    ]);
    expect(mixed).toEqual({
      path: 'copy',
      results: [
        { duplicate: true, stored: 0 },
        { duplicate: false, stored: 10 },
        { duplicate: true, stored: 0 },
      ],
    });
    expect(await count(string.id)).toEqual({ n: 30, distinct: 30 });
  });

  it('takes the merge path for a partial overlap (same samples, new batch id) and stores only the new rows', async () => {
    const string = await createBmsString(ctx.prisma);
    const first = batch(string, '2026-11-25T12:00:00.000Z', 0, 10);
    await sut().storeBatches([first]);
    // A re-flashed agent resends samples 5..14 under a new boot id: half of them are stored.
    const overlap = batch(string, '2026-11-25T12:00:00.000Z', 5, 10);
    const fresh = batch(string, '2026-11-25T12:00:00.000Z', 100, 4);

    const result = await sut().storeBatches([overlap, fresh]);

    expect(result).toEqual({
      path: 'merge',
      results: [
        { duplicate: false, stored: 5 },
        { duplicate: false, stored: 4 },
      ],
    });
    expect(await count(string.id)).toEqual({ n: 19, distinct: 19 });
    expect(await ledger([first.msgId, overlap.msgId, fresh.msgId])).toBe(3);
  });

  it('stores every row once when two writers race with the same batches', async () => {
    const string = await createBmsString(ctx.prisma);
    const group = [0, 10, 20, 30].map((offset) => batch(string, '2026-11-25T15:00:00.000Z', offset, 10));

    const [one, two] = await Promise.all([
      sut().storeBatches(group),
      sut().storeBatches([...group].reverse()),
    ]);

    const stored = [...one.results, ...two.results].filter((r) => !r.duplicate).length;
    expect(stored).toBe(4);
    expect(await count(string.id)).toEqual({ n: 40, distinct: 40 });
  });
});

describe.each(targets)(
  'PackSampleRepository.storeBatches quarantine, late data and races on $name',
  (target) => {
    const ctx = useTestDatabase(target);
    const sut = () => new PackSampleRepository(ctx.pool);
    const count = async (stringId: string) =>
      (
        await ctx.pool.query<{ n: number; distinct: number }>(
          'SELECT count(*)::int AS n, count(DISTINCT ts)::int AS distinct FROM pack_sample WHERE string_id = $1',
          [stringId],
        )
      ).rows[0]!;

    it('quarantines a row outside its column range before the COPY; the rest of the batch lands', async () => {
      const string = await createBmsString(ctx.prisma);
      const good = batch(string, '2026-11-25T13:00:00.000Z', 0, 3);
      const bad = packSampleData({ ts: '2026-11-25T13:10:00.000Z', chargeLimitDa: 3_000_000_000 });
      good.rows.push({ stringId: string.id, sample: bad });

      const result = await sut().storeBatches([good]);

      expect(result).toEqual({ path: 'copy', results: [{ duplicate: false, stored: 3, quarantined: 1 }] });
      expect(await count(string.id)).toEqual({ n: 3, distinct: 3 });
      expect(await new QuarantineRepository(ctx.pool).byGateway(string.gatewayId)).toEqual([
        expect.objectContaining({
          msgId: good.msgId,
          kind: 'pack',
          stringId: string.id,
          ts: new Date(bad.ts),
          code: 'out-of-range',
          reason: 'charge_limit_da 3000000000 outside -2147483648..2147483647',
          sqlstate: null,
          raw: bad,
        }),
      ]);
    });

    it('quarantines a row the database refuses (its string vanished) and stores the rest of the batch', async () => {
      const string = await createBmsString(ctx.prisma);
      const vanished = await createBmsString(ctx.prisma, { gatewayId: string.gatewayId, bmsAddress: 9 });
      const input = batch(string, '2026-11-25T14:00:00.000Z', 0, 4);
      input.rows.splice(2, 0, {
        stringId: vanished.id,
        sample: packSampleData({ ts: '2026-11-25T14:00:02.000Z' }),
      });
      await ctx.prisma.bmsString.delete({ where: { id: vanished.id } });

      await expect(sut().storeBatches([input])).rejects.toMatchObject({ code: '23503' });
      const result = await sut().storeBatch(input);

      expect(result).toEqual({ duplicate: false, stored: 4, quarantined: 1 });
      expect(await count(string.id)).toEqual({ n: 4, distinct: 4 });
      const [entry] = await new QuarantineRepository(ctx.pool).byGateway(string.gatewayId);
      expect(entry).toMatchObject({
        kind: 'pack',
        stringId: vanished.id,
        code: 'db-refused',
        sqlstate: '23503',
      });
      expect(await sut().storeBatch(input)).toEqual({ duplicate: true, stored: 0 });
    });

    it('stores late data (a week of spool) beside live data, each in its own partition or chunk', async () => {
      const string = await createBmsString(ctx.prisma);
      const now = Date.now();
      const live = batch(string, new Date(now - 60_000).toISOString(), 0, 3);
      const late = batch(string, new Date(now - 7 * 86_400_000).toISOString(), 0, 3);

      expect((await sut().storeBatches([live, late])).path).toBe('copy');

      const { rows } = await ctx.pool.query<{ home: string; n: number }>(
        'SELECT tableoid::regclass::text AS home, count(*)::int AS n FROM pack_sample WHERE string_id = $1 GROUP BY 1',
        [string.id],
      );
      expect(rows.reduce((n, r) => n + r.n, 0)).toBe(6);
      if (target.name === 'postgres') {
        // Monthly partitions exist for last month onwards: neither lands in the default partition.
        expect(rows.map((r) => r.home)).not.toContain('pack_sample_default');
      } else {
        expect(rows.every((r) => r.home.startsWith('_timescaledb_internal.'))).toBe(true);
        expect(new Set(rows.map((r) => r.home)).size).toBe(2);
      }
    });
  },
);
