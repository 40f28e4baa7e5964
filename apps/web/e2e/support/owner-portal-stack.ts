import { randomUUID } from 'node:crypto';
// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories, as ingest would fill it
import type { PgPool, PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { ALARM_EVENT_SCHEMA, type AlarmEvent, streams, subjects } from '@fleet/telemetry';
import { startPrivateNats } from '@fleet/test-kit';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { startWebStack } from './web-stack.js';

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

const DAY_MS = 86_400_000;

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

export async function startOwnerPortalStack(root: string): Promise<OwnerPortalStack> {
  const stack = await startWebStack(root, {
    seed,
    extras: async () => {
      const nats = await startPrivateNats({ streams: [streams.alarms] });
      const nc = await connect({ servers: nats.url });
      return {
        nats,
        nc,
        stop: async () => {
          await nc.close();
          await nats.stop();
        },
      };
    },
    apiEnv: (_urls, { nats }) => ({ NATS_URL: nats.url, NOTIFY_WORKER: 'off' }),
  });
  return {
    ...stack.seed,
    webUrl: stack.webUrl,
    apiUrl: stack.apiUrl,
    insertSample: (v) => insertSample(stack.pool, stack.seed.mine.stringId, { ts: new Date(), ...v }),
    ...publishers(stack.extra.nc),
    diagnostics: stack.diagnostics,
    stop: stack.stop,
  };
}
