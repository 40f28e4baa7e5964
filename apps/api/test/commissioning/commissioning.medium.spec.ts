import { GatewayHeartbeatRepository, type PgPool, type PrismaClient } from '@fleet/db';
import { createBmsString, createGateway, createSite, testDatabaseTargets } from '@fleet/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AccessWorld, seedAccessWorld } from '../access/access-world.js';
import { pdfText } from '../evidence/pdf-text.js';
import { useApiFixture } from '../support/api-fixture.js';
import { insertPackSample } from '../support/pack-sample-row.js';

// One target: the checklist's queries read pack_sample like every other read on both layouts, and
// the fixture (seed + API start) is most of this file's time.
const all = await testDatabaseTargets();
const targets = [all.find((t) => t.name === 'timescaledb') ?? all[0]!];
const MIN = 60_000;
const NOW = Date.now();

interface Seed {
  w: AccessWorld;
  siteId: string;
  gatewayId: string;
  stringId: string;
}

/** The access world plus a fresh site of tenant A with one gateway and one 3-module string, no data yet. */
async function seed(prisma: PrismaClient, pool: PgPool): Promise<Seed> {
  const w = await seedAccessWorld(prisma, pool);
  const site = await createSite(prisma, { tenantId: w.a.tenantId, name: 'New install' });
  const gateway = await createGateway(prisma, { siteId: site.id });
  const string = await createBmsString(prisma, { gatewayId: gateway.id, bmsAddress: 0, name: 'Rack 1' });
  await pool.query('UPDATE bms_string SET module_count = 3 WHERE id = $1', [string.id]);
  return { w, siteId: site.id, gatewayId: gateway.id, stringId: string.id };
}

function sample(s: Seed, tsMs: number, socPct: number, packCurrentDa: number, cell: [number, number]) {
  return insertPackSample(s.w.pool, {
    stringId: s.stringId,
    ts: new Date(tsMs).toISOString(),
    packVoltageDv: 1500,
    packCurrentDa,
    bmsTempDc: 200,
    socPct,
    sohPct: 100,
    cellMaxMv: cell[0],
    cellMinMv: cell[1],
  });
}

/** Through the repository ingest uses, so the previous counters and the receive time are kept as in production. */
function heartbeat(s: Seed, atMs: number, receivedAtMs: number, framesIn: number, corrupt: number) {
  return new GatewayHeartbeatRepository(s.w.pool).record({
    gatewayId: s.gatewayId,
    at: new Date(atMs),
    receivedAt: new Date(receivedAtMs),
    agentVersion: 'test',
    spoolDepth: 0,
    bus: { framesIn, framesOut: 10, corrupt, adapterErrors: 0, reconnects: 0 },
  });
}

type Item = { id: string; state: string; reason: string };
type Status = { complete: boolean; items: Item[]; record: { installerName: string } | null };

interface Ctx {
  s: () => Seed;
  call: (who: string, method: string, path: string, body?: unknown) => Promise<Response>;
  status: () => Promise<Status & { byId: Record<string, Item> }>;
}

function useCommissioningApi(target: (typeof targets)[number]): Ctx {
  const api = useApiFixture(target, seed);
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    for (const who of ['installer', 'technician', 'owner', 'foreign'] as const) {
      tokens[who] = await api.login(api.seed.w.users[who]);
    }
  });
  const call = (who: string, method: string, path: string, body?: unknown) =>
    api.fetch(path, {
      method,
      headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const status = async () => {
    const res = await call('installer', 'GET', `/sites/${api.seed.siteId}/commissioning`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Status;
    return { ...body, byId: Object.fromEntries(body.items.map((i) => [i.id, i])) };
  };
  return { s: () => api.seed, call, status };
}

describe.each(targets)('commissioning checklist on $name', (target) => {
  const ctx = useCommissioningApi(target);
  checklistTests(ctx);
  completionTests(ctx);
});

/** In order: nothing yet, data arriving (bad bus and clock first, then fixed), the full charge. */
function checklistTests({ s: seeded, call, status }: Ctx) {
  it('starts all pending and refuses completion, naming what is open', async () => {
    const st = await status();
    expect(st.items.map((i) => i.state)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(st).toMatchObject({ complete: false, record: null });
    const refused = await call('installer', 'POST', `/sites/${seeded().siteId}/commissioning/complete`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain('first-data (pending)');
  });

  it('turns items green as data arrives, and red on a bad bus or a skewed clock', async () => {
    const s = seeded();
    await s.w.pool.query(
      `INSERT INTO bms_module (id, string_id, position, module_type, serial, first_seen_at, last_seen_at)
       SELECT gen_random_uuid(), $1, p, 'H48050', 'PPTBP0' || p, now(), now() FROM generate_series(1, 3) p`,
      [s.stringId],
    );
    await sample(s, NOW - 30 * MIN, 60, 300, [3350, 3330]);
    await heartbeat(s, NOW - 2 * MIN + 45_000, NOW - 2 * MIN, 1000, 80);
    let st = await status();
    expect(st.byId['first-data']?.state).toBe('passed');
    expect(st.byId.topology?.state).toBe('passed');
    expect(st.byId.bus).toMatchObject({ state: 'failed', reason: 'termination-suspected' });
    expect(st.byId.clock).toMatchObject({ state: 'failed', reason: 'clock-skew' });
    expect(st.byId['cell-spread']).toMatchObject({ state: 'pending', reason: 'waiting-for-full-charge' });
    const refused = await call('installer', 'POST', `/sites/${s.siteId}/commissioning/complete`);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { message: string }).message).toContain('bus (failed)');

    // Termination fixed and NTP on: the next heartbeat's counter delta is clean.
    await heartbeat(s, NOW - MIN + 500, NOW - MIN, 3000, 80);
    st = await status();
    expect(st.byId.bus?.state).toBe('passed');
    expect(st.byId.clock?.state).toBe('passed');
    expect(st.complete).toBe(false);

    await sample(s, NOW - 10 * MIN, 100, 50, [3480, 3400]);
    await sample(s, NOW - 5 * MIN, 100, 0, [3420, 3405]);
    st = await status();
    expect(st.byId['cell-spread']).toMatchObject({ state: 'passed' });
    expect(st.complete).toBe(true);
  });

  it('prefers the installer’s confirmed topology: a confirmed string not reporting keeps it open', async () => {
    const s = seeded();
    const confirm = (strings: Array<{ bmsAddress: number; moduleCount: number }>, at: number) =>
      s.w.pool.query(
        `INSERT INTO topology_confirmation (id, tenant_id, site_id, confirmed_by, confirmed_at, expected)
         SELECT gen_random_uuid(), b.tenant_id, b.site_id, 'test', $2,
                jsonb_build_object('strings', (SELECT jsonb_agg(jsonb_build_object('gatewayId', b.gateway_id,
                  'bus', b.bus, 'bmsAddress', e.a, 'moduleCount', e.m, 'bmsSerial', null))
                  FROM jsonb_to_recordset($3::jsonb) AS e(a int, m int)))
           FROM bms_string b WHERE b.id = $1`,
        [
          s.stringId,
          new Date(at),
          JSON.stringify(strings.map((x) => ({ a: x.bmsAddress, m: x.moduleCount }))),
        ],
      );
    await confirm([{ bmsAddress: 0, moduleCount: 4 }], NOW - 3 * MIN);
    let st = await status();
    expect(st.byId.topology).toMatchObject({ state: 'failed', reason: 'modules-mismatch' });
    await confirm(
      [
        { bmsAddress: 0, moduleCount: 3 },
        { bmsAddress: 1, moduleCount: 3 },
      ],
      NOW - 2 * MIN,
    );
    st = await status();
    expect(st.byId.topology).toMatchObject({ state: 'pending', reason: 'waiting-for-strings' });
    expect(st.byId['first-data']).toMatchObject({ state: 'pending', reason: 'waiting-for-data' });
    expect(st.complete).toBe(false);
    // The installer corrects the record: one string of three modules, as reported.
    await confirm([{ bmsAddress: 0, moduleCount: 3 }], NOW - MIN);
    expect((await status()).complete).toBe(true);
  });
}

function completionTests({ s: seeded, call, status }: Ctx) {
  it('lets only the managing organisation’s installers and admins complete it', async () => {
    const site = seeded().siteId;
    expect((await call('owner', 'GET', `/sites/${site}/commissioning`)).status).toBe(403);
    expect((await call('technician', 'POST', `/sites/${site}/commissioning/complete`)).status).toBe(403);
    expect((await call('foreign', 'GET', `/sites/${site}/commissioning`)).status).toBe(404);
    expect((await call('foreign', 'POST', `/sites/${site}/commissioning/complete`)).status).toBe(404);
  });

  it('stores the record with installer, serials and times, and dates the string’s install record', async () => {
    const s = seeded();
    const res = await call('installer', 'POST', `/sites/${s.siteId}/commissioning/complete`);
    expect(res.status).toBe(201);
    const record = (await res.json()) as {
      installerName: string;
      items: (Item & { observedAt: string | null })[];
      serials: { strings: { modules: { serial: string }[] }[] };
    };
    expect(record.installerName).toBe('A installer');
    expect(record.items.every((i) => i.state === 'passed' && i.observedAt !== null)).toBe(true);
    expect(record.serials.strings[0]?.modules.map((m) => m.serial)).toEqual([
      'PPTBP01',
      'PPTBP02',
      'PPTBP03',
    ]);
    const { rows } = await s.w.pool.query(
      'SELECT commissioned_by FROM string_commissioning WHERE string_id = $1',
      [s.stringId],
    );
    expect(rows).toEqual([{ commissioned_by: 'A installer' }]);
    expect((await status()).record?.installerName).toBe('A installer');
    expect((await call('installer', 'POST', `/sites/${s.siteId}/commissioning/complete`)).status).toBe(409);
  });

  it('prints the completed checklist in the string’s evidence pack install record', async () => {
    const s = seeded();
    const period = { from: new Date(NOW - 86_400_000).toISOString(), to: new Date(NOW).toISOString() };
    const res = await call('installer', 'POST', `/strings/${s.stringId}/evidence-packs`, period);
    expect(res.status).toBe(202);
    let pack = (await res.json()) as { id: string; status: string };
    // Polls until the runner is done (the test's timeout bounds it; no time is asserted).
    while (pack.status === 'queued' || pack.status === 'running') {
      await new Promise((r) => setTimeout(r, 100));
      pack = (await (await call('installer', 'GET', `/evidence-packs/${pack.id}`)).json()) as typeof pack;
    }
    expect(pack.status).toBe('ready');
    const pdf = Buffer.from(
      await (await call('installer', 'GET', `/evidence-packs/${pack.id}/pdf`)).arrayBuffer(),
    );
    const text = (await pdfText(pdf)).replace(/\s+/g, ' ');
    expect(text).toMatch(
      /Commissioning checklist completed \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC by A installer/,
    );
    expect(text).toContain('bus: passed');
    expect(text).toContain('cell-spread: passed');
  }, 60_000);
}
