// biome-ignore lint/style/noRestrictedImports: the e2e test seeds its own database through the shared factories, as ingest would fill it
import type { PgPool, PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import { startPrivateNats } from '@fleet/test-kit';
import { startWebStack } from './web-stack.js';

export interface SampleValues {
  ts: Date;
  packVoltageDv: number;
  packCurrentDa: number;
  socPct: number;
  cellMaxMv: number;
}

export interface AlarmValues {
  code: string;
  title: string;
  severity: 'critical' | 'major' | 'warning' | 'info';
  firedAt: Date;
  /** Another string of the site (default: the reporting string). */
  stringId?: string;
}

export interface ReadPathStack {
  webUrl: string;
  user: { email: string; password: string };
  /** An owner of the seeded site (role owner, a site_member row), for the calm owner view. */
  owner: { email: string; password: string };
  stringId: string;
  /** A second string of the same site that never reports. */
  silentStringId: string;
  /** Stores a pack sample the way the ingest writer does (row + bms_string.last_sample_at). */
  insertSample(values: SampleValues): Promise<void>;
  /** An open alarm on the reporting string with its `fired` history entry, as the evaluator writes it. */
  insertAlarm(values: AlarmValues): Promise<string>;
  /** The tail of each child's output, for failure messages. */
  diagnostics(): string;
  stop(): Promise<void>;
}

async function seed(prisma: PrismaClient) {
  const tenant = await testing.createTenant(prisma);
  const user = await testing.createUser(prisma, { tenantId: tenant.id, name: 'E2E Installer' });
  const site = await testing.createSite(prisma, {
    tenantId: tenant.id,
    name: 'Harbour Depot',
    address: 'Quay 7',
  });
  const gateway = await testing.createGateway(prisma, { siteId: site.id });
  const string = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    name: 'String East',
    moduleCount: 8,
  });
  const silent = await testing.createBmsString(prisma, {
    gatewayId: gateway.id,
    bmsAddress: 1,
    name: 'String West',
  });
  const owner = await testing.createUser(prisma, { tenantId: tenant.id, name: 'E2E Owner', role: 'owner' });
  await prisma.siteMember.create({ data: { siteId: site.id, userId: owner.id, createdBy: user.id } });
  return {
    user: { email: user.email, password: user.password },
    owner: { email: owner.email, password: owner.password },
    tenantId: tenant.id,
    siteId: site.id,
    stringId: string.id,
    silentStringId: silent.id,
  };
}

async function insertSample(pool: PgPool, stringId: string, v: SampleValues): Promise<void> {
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
       cell_max_mv, cell_min_mv, cell_max_no, cell_min_no, cell_temp_max_dc, cell_temp_min_dc, state)
     VALUES ($1, $2, $3, $4, 181, $5, 98, $6, 3301, 17, 64, 215, 190, $7)`,
    [
      stringId,
      v.ts,
      v.packVoltageDv,
      v.packCurrentDa,
      v.socPct,
      v.cellMaxMv,
      v.packCurrentDa < 0 ? 'discharge' : 'charge',
    ],
  );
  await pool.query('UPDATE bms_string SET last_sample_at = $2 WHERE id = $1', [stringId, v.ts]);
}

async function insertAlarm(
  pool: PgPool,
  where: { tenantId: string; siteId: string; stringId: string },
  v: AlarmValues,
): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status, seq,
                        first_fired_at, last_fired_at)
     VALUES (gen_random_uuid(), $1, $2, $3::uuid, 'string:' || $3::text, $4, $5, $6::"AlarmSeverity", 'open', 1,
             $7, $7)
     RETURNING id`,
    [where.tenantId, where.siteId, v.stringId ?? where.stringId, v.code, v.title, v.severity, v.firedAt],
  );
  const id = rows[0]?.id as string;
  await pool.query(
    `INSERT INTO alarm_transition (alarm_id, seq, transition, actor, at, detail, subject, event, published_at)
     VALUES ($1, 1, 'fired', 'system', $2, '{}', 'alarm.evt.e2e', '{"notify": true}', now())`,
    [id, v.firedAt],
  );
  return id;
}

/**
 * A fresh migrated database with one tenant, user, site, gateway and string; the built API and
 * the built web app on free ports, both answering before this resolves.
 */
export interface StackOptions {
  /** Give the API a private nats-server with the ALARMS stream, so live alarm events flow. */
  nats?: boolean;
}

export async function startReadPathStack(root: string, options: StackOptions = {}): Promise<ReadPathStack> {
  const stack = await startWebStack(root, {
    seed: (prisma) => seed(prisma),
    extras: async () => {
      const nats = options.nats ? await startPrivateNats({ streams: [streams.alarms] }) : undefined;
      return { nats, stop: async () => nats?.stop() };
    },
    // The notification worker is not under test and would only wait for channels.
    apiEnv: (_urls, { nats }): Record<string, string> =>
      nats ? { NATS_URL: nats.url, NOTIFY_WORKER: 'off' } : {},
  });
  const seeded = stack.seed;
  return {
    ...seeded,
    webUrl: stack.webUrl,
    insertSample: (v) => insertSample(stack.pool, seeded.stringId, v),
    insertAlarm: (v) => insertAlarm(stack.pool, seeded, v),
    diagnostics: stack.diagnostics,
    stop: stack.stop,
  };
}
