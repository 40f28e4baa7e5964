import { randomBytes, randomUUID } from 'node:crypto';
// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories, as ingest would fill it
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { ALARM_EVENT_SCHEMA, type AlarmEvent, subjects } from '@fleet/telemetry';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { type PrivateNats, startPrivateNats } from './private-nats.js';
import { freePort, httpOk, type RunningProcess, run, startProcess, waitFor } from './processes.js';

// The owner portal's stack: one installer organisation with two owners, each invited to a site
// of its own (the owners' isolation is the point, and within one organisation it is the hard
// case: the API's organisation scope does not separate them, only `site_member` does). The API
// runs with a private nats-server, so telemetry and alarm events published here reach its live
// hub and the web app's SSE proxy like the ingest's would.

export interface Account {
  email: string;
  password: string;
}

export interface OwnedSystem {
  owner: Account;
  siteId: string;
  stringId: string;
  gatewayId: string;
  tenantId: string;
}

export interface OwnerPortalStack {
  webUrl: string;
  apiUrl: string;
  /** An org admin of the owners' installer organisation (enters warranty terms). */
  admin: Account;
  /** Owner A: a reporting string with history, today's energy and an open alarm. */
  mine: OwnedSystem;
  /** Owner B of the same organisation: the foreign site whose ids owner A tries. */
  foreign: OwnedSystem;
  /** Stores a newer pack sample of owner A's string, as the ingest writer would. */
  insertSample(values: { packCurrentDa: number; socPct: number }): Promise<void>;
  /** Publishes one telemetry batch of the system's string, as its gateway would. */
  publishTelemetry(system: OwnedSystem, values: { packCurrentDa: number; socPct: number }): Promise<void>;
  /** Publishes an alarm event of the system's site, as the API's alarm relay would. */
  publishAlarm(system: OwnedSystem, title: string): Promise<void>;
  diagnostics(): string;
  stop(): Promise<void>;
}

const node = process.execPath;
const DAY_MS = 86_400_000;

async function build(root: string): Promise<void> {
  if (process.env.FLEET_E2E_SKIP_BUILD === '1') {
    return;
  }
  await run(node, ['node_modules/typescript/bin/tsc', '-b', 'apps/api', 'packages/ui'], { cwd: root });
  await run(node, [`${root}node_modules/next/dist/bin/next`, 'build'], {
    cwd: `${root}apps/web`,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  });
}

async function ownedSystem(
  prisma: PrismaClient,
  tenantId: string,
  installerId: string,
  names: { site: string; owner: string },
): Promise<OwnedSystem> {
  const site = await testing.createSite(prisma, { tenantId, name: names.site, timezone: 'Europe/Berlin' });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const string = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    name: 'Battery',
    moduleCount: 4,
  });
  const owner = await testing.createUser(prisma, { tenantId, name: names.owner, role: 'owner' });
  await prisma.siteMember.create({ data: { siteId: site.id, userId: owner.id, createdBy: installerId } });
  return {
    owner: { email: owner.email, password: owner.password },
    siteId: site.id,
    stringId: string.id,
    gatewayId: gateway.id,
    tenantId,
  };
}

/** A rollup row with the columns the trend reads; the rest as the rollup job would leave them. */
async function insertRollup(
  pool: PgPool,
  table: 'string_rollup_1h' | 'string_rollup_1d',
  row: { stringId: string; bucketStart: Date; inWh: number; outWh: number; soc: [number, number] },
): Promise<void> {
  await pool.query(
    `INSERT INTO ${table} (string_id, bucket_start, samples, covered_s, soc_min_pct, soc_max_pct, soc_last_pct,
       soh_min_pct, soh_last_pct, cell_spread_samples, energy_in_wh, energy_out_wh,
       sleep_s, charge_s, discharge_s, idle_s, other_state_s)
     VALUES ($1, $2, 60, 3600, $3, $4, $4, 97, 97, 0, $5, $6, 0, 1800, 1800, 0, 0)`,
    [row.stringId, row.bucketStart, row.soc[0], row.soc[1], row.inWh, row.outWh],
  );
}

/** Owner A's data: a fresh sample charging at 2.4 kW, five days of history, this hour's energy, an open alarm. */
async function insertSample(
  pool: PgPool,
  stringId: string,
  v: { ts: Date; packCurrentDa: number; socPct: number },
): Promise<void> {
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
       cell_max_mv, cell_min_mv, cell_max_no, cell_min_no, cell_temp_max_dc, cell_temp_min_dc, state)
     VALUES ($1, $2, 4000, $3, 181, $4, 97, 3342, 3330, 3, 9, 215, 190, $5)`,
    [stringId, v.ts, v.packCurrentDa, v.socPct, v.packCurrentDa < 0 ? 'discharge' : 'charge'],
  );
  await pool.query('UPDATE bms_string SET last_sample_at = $2 WHERE id = $1', [stringId, v.ts]);
}

async function seedMine(pool: PgPool, mine: OwnedSystem): Promise<void> {
  const now = Date.now();
  await insertSample(pool, mine.stringId, { ts: new Date(now - 5_000), packCurrentDa: 60, socPct: 62 });
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  for (let back = 1; back <= 5; back++) {
    const bucketStart = new Date(today - back * DAY_MS);
    await insertRollup(pool, 'string_rollup_1d', {
      stringId: mine.stringId,
      bucketStart,
      inWh: 8000 + back * 100,
      outWh: 7000 + back * 100,
      soc: [15, 95],
    });
  }
  const hour = new Date(Math.floor(now / 3_600_000) * 3_600_000);
  await insertRollup(pool, 'string_rollup_1h', {
    stringId: mine.stringId,
    bucketStart: hour,
    inWh: 1500,
    outWh: 200,
    soc: [55, 62],
  });
  await pool.query(
    `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status, seq,
                        first_fired_at, last_fired_at)
     VALUES (gen_random_uuid(), $1, $2, $3::uuid, 'string:' || $3::text, 'hv.protection.cell_low_voltage',
             'Cell low voltage', 'major', 'open', 1, now(), now())`,
    [mine.tenantId, mine.siteId, mine.stringId],
  );
}

function alarmEvent(system: OwnedSystem, title: string): AlarmEvent {
  return {
    schema: ALARM_EVENT_SCHEMA,
    alarmId: randomUUID(),
    seq: 1,
    tenantId: system.tenantId,
    siteId: system.siteId,
    stringId: system.stringId,
    gatewayId: system.gatewayId,
    code: 'hv.protection.cell_high_voltage',
    title,
    severity: 'critical',
    transition: 'fired',
    status: 'open',
    count: 1,
    flapping: false,
    notify: true,
    actor: 'system',
    at: new Date().toISOString(),
    detail: {},
  };
}

function publishers(nc: NatsConnection) {
  return {
    publishTelemetry: async (system: OwnedSystem, values: { packCurrentDa: number; socPct: number }) => {
      const envelope = testing.telemetryEnvelopeData({
        gatewayId: system.gatewayId,
        samples: [testing.packSampleData({ ...values, bus: 'can0', bmsAddress: 0 })],
      });
      nc.publish(subjects.telemetry(system.gatewayId), JSON.stringify(envelope));
      await nc.flush();
    },
    publishAlarm: async (system: OwnedSystem, title: string) => {
      nc.publish(subjects.alarm(system.tenantId, system.siteId), JSON.stringify(alarmEvent(system, title)));
      await nc.flush();
    },
  };
}

async function seed(prisma: PrismaClient, pool: PgPool) {
  const tenant = await testing.createTenant(prisma);
  const installer = await testing.createUser(prisma, { tenantId: tenant.id, name: 'E2E Installer' });
  const admin = await testing.createUser(prisma, {
    tenantId: tenant.id,
    name: 'E2E Admin',
    role: 'org_admin',
  });
  const mine = await ownedSystem(prisma, tenant.id, installer.id, {
    site: 'Sunny House',
    owner: 'Olivia Owner',
  });
  const foreign = await ownedSystem(prisma, tenant.id, installer.id, {
    site: 'Other House',
    owner: 'Oscar Other',
  });
  await seedMine(pool, mine);
  return { mine, foreign, admin: { email: admin.email, password: admin.password } };
}

/** A fresh migrated database, the built API (with a private NATS) and web app on free ports. */
export async function startOwnerPortalStack(root: string): Promise<OwnerPortalStack> {
  await build(root);
  const [target] = await testing.testDatabaseTargets();
  if (!target) {
    throw new Error('no test database server (PostgreSQL on 127.0.0.1:5432 or TEST_DATABASE_URL)');
  }
  const db = await testing.createTestDatabase(target);
  const prisma = createPrismaClient(db.url);
  const pool = createPgPool(db.url, 2);
  const children: RunningProcess[] = [];
  let nats: PrivateNats | undefined;
  let nc: NatsConnection | undefined;
  const diagnostics = () => children.map((c) => `--- ${c.name} ---\n${c.output().slice(-4000)}`).join('\n');
  const stop = async () => {
    await nc?.close();
    for (const child of children.reverse()) {
      await child.stop();
    }
    await nats?.stop();
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  };
  try {
    const seeded = await seed(prisma, pool);
    const [apiPort, webPort] = [await freePort(), await freePort()];
    nats = await startPrivateNats();
    nc = await connect({ servers: nats.url });
    const apiEnv = {
      DATABASE_URL: db.url,
      API_PORT: String(apiPort),
      AUTH_SECRET: randomBytes(32).toString('hex'),
      NATS_URL: nats.url,
      NOTIFY_WORKER: 'off',
      LOG_LEVEL: 'warn',
    };
    children.push(startProcess('api', node, ['apps/api/dist/main.js'], { cwd: root, env: apiEnv }));
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor('the api', () => httpOk(`${apiUrl}/api/health`), 60_000, diagnostics);
    const next = `${root}node_modules/next/dist/bin/next`;
    children.push(
      startProcess('web', node, [next, 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
        cwd: `${root}apps/web`,
        env: { API_URL: apiUrl, NEXT_TELEMETRY_DISABLED: '1' },
      }),
    );
    const webUrl = `http://127.0.0.1:${webPort}`;
    await waitFor('the web app', () => httpOk(`${webUrl}/login`), 60_000, diagnostics);
    return {
      ...seeded,
      webUrl,
      apiUrl,
      insertSample: (v) => insertSample(pool, seeded.mine.stringId, { ts: new Date(), ...v }),
      ...publishers(nc),
      diagnostics,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
