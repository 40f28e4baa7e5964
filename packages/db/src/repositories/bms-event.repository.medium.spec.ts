import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../test/use-test-database.js';
import { createBmsString, testDatabaseTargets } from '../testing/index.js';
import { BmsEventRepository } from './bms-event.repository.js';
import { BmsModuleRepository } from './bms-module.repository.js';

const targets = await testDatabaseTargets();
const T0 = Date.parse('2026-11-20T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000);

describe.each(targets)('bms_event and bms_module on $name', (target) => {
  const ctx = useTestDatabase(target);

  const composition = (stringId: string, idx: number, moduleCount: number, s: number) => ({
    idx,
    stringId,
    ts: at(s),
    kind: 'composition',
    body: { kind: 'composition', moduleCount },
    composition: { stringId, at: at(s), moduleCount, cellsPerModule: 15 },
  });

  it('a composition sets the string and its modules; a replay stores nothing twice', async () => {
    const string = await createBmsString(ctx.prisma);
    const events = new BmsEventRepository(ctx.pool);
    const batch = {
      gatewayId: string.gatewayId,
      msgId: `${string.gatewayId}:boot1:e0`,
      events: [
        composition(string.id, 0, 3, 0),
        { idx: 1, stringId: null, ts: at(0), kind: 'boot', body: { kind: 'boot' } },
      ],
    };
    expect(await events.storeBatch(batch)).toBe(2);
    expect(await events.storeBatch(batch)).toBe(0);

    const modules = await new BmsModuleRepository(ctx.pool).list(string.id);
    expect(modules.map((m) => [m.position, m.moduleType, m.serial, m.removedAt])).toEqual([
      [1, 'H48050', null, null],
      [2, 'H48050', null, null],
      [3, 'H48050', null, null],
    ]);
    const stored = await ctx.prisma.bmsString.findUniqueOrThrow({ where: { id: string.id } });
    expect([stored.moduleCount, stored.cellsPerModule]).toEqual([3, 15]);
    const { rows } = await ctx.pool.query('SELECT count(*)::int AS n FROM bms_event WHERE gateway_id = $1', [
      string.gatewayId,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('a smaller composition removes the modules beyond it and keeps them as history', async () => {
    const string = await createBmsString(ctx.prisma);
    const events = new BmsEventRepository(ctx.pool);
    const msg = (seq: number) => `${string.gatewayId}:boot1:e${seq}`;
    await events.storeBatch({
      gatewayId: string.gatewayId,
      msgId: msg(0),
      events: [composition(string.id, 0, 3, 0)],
    });
    await events.storeBatch({
      gatewayId: string.gatewayId,
      msgId: msg(1),
      events: [composition(string.id, 0, 2, 60)],
    });
    await events.storeBatch({
      gatewayId: string.gatewayId,
      msgId: msg(2),
      events: [composition(string.id, 0, 3, 120)],
    });

    const modules = await new BmsModuleRepository(ctx.pool).list(string.id);
    const present = modules.filter((m) => m.removedAt === null);
    const removed = modules.filter((m) => m.removedAt !== null);
    expect(present.map((m) => [m.position, m.firstSeenAt.toISOString()])).toEqual([
      [1, at(0).toISOString()],
      [2, at(0).toISOString()],
      [3, at(120).toISOString()],
    ]);
    expect(removed.map((m) => [m.position, m.removedAt?.toISOString()])).toEqual([[3, at(60).toISOString()]]);
    const page = await events.page({ stringId: string.id, limit: 2, kinds: ['composition'] });
    expect(page.map((e) => e.msgId)).toEqual([msg(2), msg(1)]);
    const next = await events.page({ stringId: string.id, limit: 2, before: page[1] });
    expect(next.map((e) => e.msgId)).toEqual([msg(0)]);
  });
});
