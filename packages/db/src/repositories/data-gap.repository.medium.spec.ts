import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, testDatabaseTargets } from '../testing/index.js';
import { ConnectivityEventRepository } from './connectivity-event.repository.js';
import { DataGapRepository } from './data-gap.repository.js';

const targets = await testDatabaseTargets();
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);

describe.each(targets)('data_gap and connectivity_event on $name', (target) => {
  const ctx = useTestDatabase(target);

  it('records a gap once, and a late batch that fills it shrinks and then removes it', async () => {
    const string = await createBmsString(ctx.prisma);
    const gaps = new DataGapRepository(ctx.pool);
    const store = async (seconds: number[]) => {
      for (const s of seconds) {
        await ctx.pool.query(
          `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct)
           VALUES ($1, $2, 4000, 0, 200, 50, 100) ON CONFLICT DO NOTHING`,
          [string.id, at(s)],
        );
      }
      await gaps.refresh([
        { stringId: string.id, from: at(Math.min(...seconds)), to: at(Math.max(...seconds)) },
      ]);
    };
    const list = async () =>
      (await gaps.list(string.id, at(-3600), at(7200), 10)).map((g) => [
        (g.gapStart.getTime() - T0) / 1000,
        (g.gapEnd.getTime() - T0) / 1000,
      ]);

    await store([0, 60]);
    await store([3000, 3060]);
    expect(await list()).toEqual([[60, 3000]]);
    await store([3000, 3060]); // a replay: same samples, same gap
    expect(await list()).toEqual([[60, 3000]]);

    await store([1200, 1260]); // late data in the middle: two shorter gaps
    expect(await list()).toEqual([
      [60, 1200],
      [1260, 3000],
    ]);
    await store([600, 1800, 2400]); // every hole now within the limit
    expect(await list()).toEqual([]);
  });

  it('records connectivity changes once each, online only after offline', async () => {
    const string = await createBmsString(ctx.prisma);
    const repo = new ConnectivityEventRepository(ctx.pool);
    const state = (kind: 'online' | 'offline', stringId: string | null) => ({
      gatewayId: string.gatewayId,
      stringId,
      kind,
      reason: kind === 'offline' ? 'silent' : 'reporting',
    });

    expect(await repo.recordChanges([state('online', string.id), state('online', null)], at(0))).toEqual([]);
    expect(
      await repo.recordChanges([state('offline', string.id), state('online', null)], at(60)),
    ).toHaveLength(1);
    expect(
      await repo.recordChanges([state('offline', string.id), state('offline', null)], at(120)),
    ).toHaveLength(1);
    expect(
      await repo.recordChanges([state('online', string.id), state('online', null)], at(180)),
    ).toHaveLength(2);

    const rows = await repo.listForString(string.id, at(0), at(600), 10);
    expect(
      rows.map((r) => [r.stringId === null ? 'gateway' : 'string', r.kind, (r.ts.getTime() - T0) / 1000]),
    ).toEqual([
      ['gateway', 'online', 180],
      ['string', 'online', 180],
      ['gateway', 'offline', 120],
      ['string', 'offline', 60],
    ]);
  });
});
