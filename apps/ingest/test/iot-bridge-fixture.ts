import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import {
  createGateway,
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseTarget,
} from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import { freePort, MtlsBroker, waitFor } from '@fleet/test-kit';
import { type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { type NatsConnection, connect as natsConnect } from '@nats-io/transport-node';
import { afterAll, beforeAll } from 'vitest';
import { buildIngest, type HealthBody, IngestProcess } from './ingest-process.js';

export interface IotBridgeFixture {
  broker: MtlsBroker;
  jsm: JetStreamManager;
  /** Messages of `subject` in the TELEMETRY stream. */
  countIn(subject: string): Promise<number>;
  /** Ingest's GET /health (undefined while not 200). */
  health(): Promise<HealthBody | undefined>;
  /** Pack samples and ledger batches of `gatewayId` in PostgreSQL. */
  stored(): Promise<{ samples: number; batches: number }>;
  diagnostics(): string;
}

/**
 * Mosquitto with mTLS (certificates for `gatewayId`, `otherGatewayId` and the bridge), a private
 * nats-server, a test database with `gatewayId` registered, and ingest with the bridge enabled.
 */
export function useIotBridgeFixture(
  target: TestDatabaseTarget,
  gatewayId: string,
  otherGatewayId: string,
  suffix: string,
): IotBridgeFixture {
  const dir = mkdtempSync(join(tmpdir(), 'iot-bridge-'));
  const f = {} as IotBridgeFixture;
  let db: TestDatabase;
  let pool: PgPool;
  let prisma: PrismaClient;
  let nats: ReturnType<typeof spawn>;
  let nc: NatsConnection;
  let ingest: IngestProcess;

  f.countIn = async (subject) =>
    (await f.jsm.streams.info(streams.telemetry.name, { subjects_filter: subject })).state.subjects?.[
      subject
    ] ?? 0;
  f.stored = async () =>
    (
      await pool.query<{ samples: number; batches: number }>(
        `SELECT (SELECT count(*)::int FROM pack_sample p JOIN bms_string s ON s.id = p.string_id
                 WHERE s.gateway_id = $1) AS samples,
                (SELECT count(*)::int FROM ingest_batch WHERE gateway_id = $1) AS batches`,
        [gatewayId],
      )
    ).rows[0]!;
  f.health = () => ingest.health();
  f.diagnostics = () =>
    `--- ingest ---\n${ingest?.tail(30)}\n--- mosquitto ---\n${f.broker?.log().slice(-3000)}`;

  beforeAll(async () => {
    await buildIngest();
    f.broker = await MtlsBroker.start(['ingest-bridge', gatewayId, otherGatewayId], {
      foreignCn: gatewayId,
    });
    const natsPort = await freePort();
    nats = spawn(
      'nats-server',
      ['-a', '127.0.0.1', '-p', String(natsPort), '-js', '-sd', join(dir, 'nats')],
      {
        stdio: 'ignore',
      },
    );
    nc = await waitFor('the private nats-server', () => natsConnect({ servers: `127.0.0.1:${natsPort}` }), {
      timeoutMs: 20_000,
    });
    f.jsm = await jetstreamManager(nc);
    db = await createTestDatabase(target);
    pool = createPgPool(db.url);
    prisma = createPrismaClient(db.url);
    await createGateway(prisma, { id: gatewayId });
    const bridge = f.broker.client('ingest-bridge');
    ingest = new IngestProcess({
      DATABASE_URL: db.url,
      NATS_URL: `nats://127.0.0.1:${natsPort}`,
      INGEST_HEALTH_PORT: String(await freePort()),
      IOT_BRIDGE_URL: f.broker.url,
      IOT_BRIDGE_CERT: bridge.cert,
      IOT_BRIDGE_KEY: bridge.key,
      IOT_BRIDGE_CA: f.broker.caPath,
      IOT_BRIDGE_CLIENT_ID: `ingest-bridge-${suffix}`,
    });
    await ingest.start();
    await waitFor('the bridge to subscribe', () => ingest.output.includes('iot bridge subscribed'), {
      timeoutMs: 30_000,
    }).catch((error: Error) => Promise.reject(new Error(`${error.message}\n${f.diagnostics()}`)));
  });

  afterAll(async () => {
    await ingest?.stop('SIGTERM');
    await nc?.close();
    if (nats && nats.exitCode === null) {
      const exited = once(nats, 'exit');
      nats.kill('SIGTERM');
      await exited;
    }
    await f.broker?.stop();
    await pool?.end();
    await prisma?.$disconnect();
    await db?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  return f;
}
