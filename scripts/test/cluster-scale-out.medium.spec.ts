import { createPgPool, type PgPool } from '@fleet/db';
import { createTestDatabase, type TestDatabase, testDatabaseTargets } from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import { waitFor } from '@fleet/test-kit';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIngest, type IngestProcess, ingestOnCluster } from './cluster/ingest-on-cluster.js';
import { account, benchFleet, benchLoad, publishLoad, registerFleet } from './cluster/load.js';
import { NatsCluster } from './cluster/nats-cluster.js';
import { applyClusterStreams } from './cluster/streams.js';

// TimescaleDB when the run has it (production's database), else PostgreSQL: one is enough here,
// the write path's two databases are covered by apps/ingest's own tests.
const targets = await testDatabaseTargets();
const target = targets.find((t) => t.name === 'timescaledb') ?? targets[0]!;

/** 20 gateways × 4 strings, 30 batches each: 600 messages, 14,400 pack rows + 640 cell snapshots. */
const STRINGS = 80;
const BATCHES = 30;

/**
 * Small groups and a short ack wait: both instances get work, a killed one's come back fast. A
 * short pull life: a pull lost with the killed node is replaced within seconds (30 s default).
 */
const INGEST_ENV = {
  INGEST_FETCH_BATCH: '40',
  INGEST_STORE_BATCH: '20',
  INGEST_ACK_WAIT_MS: '3000',
  INGEST_PULL_EXPIRES_MS: '4000',
};

interface World {
  cluster?: NatsCluster;
  db?: TestDatabase;
  pool?: PgPool;
  nc?: NatsConnection;
  ingests: IngestProcess[];
}

/** Cluster, database and the ingest build at once. */
async function startWorld(world: World): Promise<void> {
  // Settled, not Promise.all: if the build fails, the cluster and database that did start must
  // still be recorded for afterAll to stop and drop them.
  const results = await Promise.allSettled([
    NatsCluster.start(3).then((c) => {
      world.cluster = c;
    }),
    createTestDatabase(target).then((d) => {
      world.db = d;
    }),
    buildIngest(),
  ]);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) {
    throw failed.reason;
  }
  world.pool = createPgPool(world.db!.url);
}

/**
 * Issue 11's scale-out test: three clustered nats-server processes with R3 streams, two ingest
 * processes on different nodes, gateways' batches published with Nats-Msg-Id; mid-run node 0 (the
 * first ingest's own node) is SIGKILLed and later restarted, and the second ingest is SIGKILLed.
 * Afterwards the database must hold every sample exactly once.
 */
describe(`scale-out on a 3-node NATS cluster (${target.name})`, () => {
  const world: World = { ingests: [] };
  const ingests = world.ingests;

  beforeAll(() => startWorld(world));

  afterAll(async () => {
    await Promise.all(ingests.map((p) => p.stop('SIGKILL')));
    await world.nc?.close();
    await world.pool?.end();
    await world.db?.drop();
    await world.cluster?.stop();
  });

  it('loses and duplicates nothing when a NATS node and an ingest process are killed mid-run', {
    timeout: 150_000,
  }, async () => {
    const { cluster, db, pool } = world as Required<World>;
    const fleet = benchFleet(STRINGS);
    const load = benchLoad(fleet, BATCHES);
    await registerFleet(pool, fleet);
    // The publisher sits on node 2, which stays up; it knows the others only from the server.
    const nc = await connect({ servers: cluster.url(2), maxReconnectAttempts: -1 });
    world.nc = nc;
    await applyClusterStreams(nc, 3);
    const [a, b] = [
      await ingestOnCluster(cluster, 0, db.url, INGEST_ENV),
      await ingestOnCluster(cluster, 1, db.url, INGEST_ENV),
    ];
    ingests.push(a, b);
    // One after the other: the first creates the durable consumers (a new R3 consumer elects its
    // leader in seconds here, and a second process asking for it meanwhile times out at start).
    for (const p of [a, b]) {
      await p.start().catch((error: Error) => {
        throw new Error(`${error.message}\n--- nats node 0 ---\n${cluster.tail(0)}`);
      });
    }

    const info = await (await jetstreamManager(nc)).streams.info(streams.telemetry.name);
    expect(info.config.num_replicas).toBe(3);
    expect(info.cluster?.replicas?.length).toBe(2);

    const storedBy = async (p: IngestProcess) => (await p.health())?.counters.stored ?? 0;
    let storedByB = 0;
    let storedByAAtNodeKill = 0;
    await publishLoad(nc, load.messages, {
      every: 50,
      checkpoint: async (published) => {
        if (published === 150) {
          await waitFor(
            'both ingests to store',
            async () => (await storedBy(a)) > 0 && (await storedBy(b)) > 0,
          );
          storedByAAtNodeKill = await storedBy(a);
          await cluster.kill(0);
        } else if (published === 300) {
          storedByB = await storedBy(b);
          await b.kill(); // holds pulled, un-acked messages: they come back to a after the ack wait
        } else if (published === 450) {
          await cluster.restart(0);
        }
      },
    });

    const accounting = await waitFor(
      'every published batch in the ledger',
      async () => {
        const now = await account(pool, load);
        return now.ledger >= load.messages.length && now;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    ).catch(async (error: Error) => {
      throw new Error(
        `${error.message}\n${JSON.stringify(await account(pool, load))}\n--- ingest a ---\n${a.tail()}\n--- ingest b ---\n${b.tail()}`,
      );
    });
    expect(accounting).toEqual({
      expected: load.rows.length + load.cellSnapshots.length,
      stored: load.rows.length + load.cellSnapshots.length,
      lost: 0,
      lostCellSnapshots: 0,
      duplicated: 0,
      ledger: load.messages.length,
      quarantined: 0,
    });
    // Both shared the work before b died, and a carried on after losing its own node.
    expect(storedByB).toBeGreaterThan(0);
    expect(await storedBy(a)).toBeGreaterThan(storedByAAtNodeKill);
    expect(cluster.isRunning(0)).toBe(true);
  });
});
