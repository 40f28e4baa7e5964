import {
  BmsEventRepository,
  ConnectivityEventRepository,
  DataGapRepository,
  type PgPool,
  type PrismaClient,
} from '@fleet/db';
import { testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, seedAccessWorld } from '../access/access-world.js';
import { useApiFixture } from '../support/api-fixture.js';

const targets = await testDatabaseTargets();
const T0 = Date.now() - 86_400_000;
const at = (s: number) => new Date(T0 + s * 1000);

/** String A1 with 3 modules (one composition), a boot, a 50-minute gap and an offline/online pair. */
async function seedHistory(prisma: PrismaClient, pool: PgPool): Promise<AccessWorld> {
  const w = await seedAccessWorld(prisma, pool);
  const composition = (idx: number, s: number, moduleCount: number) => ({
    idx,
    stringId: w.a.stringId,
    ts: at(s),
    kind: 'composition',
    body: { kind: 'composition', moduleCount },
    composition: { stringId: w.a.stringId, at: at(s), moduleCount },
  });
  const events = new BmsEventRepository(pool);
  await events.storeBatch({ gatewayId: w.a.gatewayId, msgId: 'h:b:e0', events: [composition(0, 0, 3)] });
  await events.storeBatch({ gatewayId: w.a.gatewayId, msgId: 'h:b:e1', events: [composition(0, 10, 3)] });
  await events.storeBatch({ gatewayId: w.a.gatewayId, msgId: 'h:b:e2', events: [composition(0, 20, 3)] });
  for (const s of [0, 60, 3060]) {
    await pool.query(
      `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct)
       VALUES ($1, $2, 5120, 0, 200, 50, 99)`,
      [w.a.stringId, at(s)],
    );
  }
  await new DataGapRepository(pool).refresh([{ stringId: w.a.stringId, from: at(0), to: at(3060) }]);
  const connectivity = new ConnectivityEventRepository(pool);
  const state = (kind: 'online' | 'offline') => ({
    gatewayId: w.a.gatewayId,
    stringId: w.a.stringId,
    kind,
    reason: kind,
  });
  await connectivity.recordChanges([state('offline')], at(600));
  await connectivity.recordChanges([state('online')], at(3060));
  return w;
}

describe.each(targets)('string modules, events and gaps on $name', (target) => {
  const api = useApiFixture(target, seedHistory);
  let w: AccessWorld;
  let reader: string;

  beforeAll(async () => {
    w = api.seed;
    reader = await api.login(w.users.org_admin);
  });

  it('lists the modules by position', async () => {
    const res = await api.get(`/strings/${w.a.stringId}/modules`, reader);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Array<{ position: number; serial: null; removedAt: null }> };
    expect(body.items.map((m) => [m.position, m.serial, m.removedAt])).toEqual([
      [1, null, null],
      [2, null, null],
      [3, null, null],
    ]);
  });

  it('pages the events newest first and filters by kind', async () => {
    type Page = { items: Array<{ ts: string; kind: string }>; nextCursor: string | null };
    const first = (await (await api.get(`/strings/${w.a.stringId}/events?limit=2`, reader)).json()) as Page;
    expect(first.items.map((e) => e.ts)).toEqual([at(20).toISOString(), at(10).toISOString()]);
    const cursor = encodeURIComponent(first.nextCursor ?? '');
    const second = (await (
      await api.get(`/strings/${w.a.stringId}/events?limit=2&cursor=${cursor}`, reader)
    ).json()) as Page;
    expect(second).toEqual({
      items: [expect.objectContaining({ ts: at(0).toISOString() })],
      nextCursor: null,
    });
    const boots = (await (await api.get(`/strings/${w.a.stringId}/events?kind=boot`, reader)).json()) as Page;
    expect(boots.items).toEqual([]);
    expect((await api.get(`/strings/${w.a.stringId}/events?cursor=bogus`, reader)).status).toBe(400);
  });

  it('reports the gap and the connectivity changes of the range', async () => {
    const range = `from=${at(-60).toISOString()}&to=${at(7200).toISOString()}`;
    const res = await api.get(`/strings/${w.a.stringId}/gaps?${range}`, reader);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      gaps: [
        { gapStart: at(60).toISOString(), gapEnd: at(3060).toISOString(), durationS: 3000 },
        // the world's own sample of string A1, taken now
        { gapStart: at(3060).toISOString() },
      ],
      connectivity: [
        { kind: 'online', scope: 'string', ts: at(3060).toISOString() },
        { kind: 'offline', scope: 'string', ts: at(600).toISOString() },
      ],
    });
  });

  it("gives another organisation's admin a 404 for all three", async () => {
    const foreign = await api.login(w.users.foreign);
    for (const route of ['modules', 'events', 'gaps']) {
      expect((await api.get(`/strings/${w.a.stringId}/${route}`, foreign)).status).toBe(404);
    }
  });
});
