import { setTimeout as sleep } from 'node:timers/promises';
import { createPgPool, PackSampleRepository, type PgPool } from '@fleet/db';
import { createTestDatabase, type TestDatabaseTarget } from '@fleet/db/testing';
import { streams } from '@fleet/telemetry';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { createIngestApp } from '../src/app.factory.js';
import { loadIngestConfig } from '../src/config/ingest-config.js';
import { createRootLogger } from '../src/logging/root-logger.js';
import { applyStream } from '../src/nats/jetstream-setup.js';
import { IngestCounters } from '../src/telemetry/ingest-counters.js';
import { type BenchFleet, type BenchLoad, registerFleet } from './bench-fleet.js';
import type { PrivateNats } from './bench-nats.js';

export interface TargetReport {
  name: string;
  rows: number;
  messages: number;
  e2eSeconds: number;
  copySeconds: number;
  e2eRowsPerS: number;
  copyRowsPerS: number;
  ratio: number;
  lost: number;
  dup: number;
  writes: Record<string, number>;
  /** The two raw COPY runs (before and after the end-to-end run), seconds. */
  copyRuns: [number, number];
  /** CPU time of this process (the ingest app) while ingesting: how much of the wall time it was busy. */
  ingestCpuSeconds: number;
}

const COPY_CHUNK_ROWS = 50_000;
const PUBLISH_WINDOW = 1_000;

async function publishAll(nats: PrivateNats, load: BenchLoad): Promise<void> {
  const js = jetstream(nats.nc);
  const inFlight = new Set<Promise<unknown>>();
  for (const m of load.messages) {
    const p = js.publish(m.subject, m.data, { msgID: m.msgId }).finally(() => inFlight.delete(p));
    inFlight.add(p);
    if (inFlight.size >= PUBLISH_WINDOW) {
      await Promise.race(inFlight);
    }
  }
  await Promise.all(inFlight);
}

/** Starts the real ingest app on the backlog and times it until every batch is committed. */
async function ingestBacklog(url: string, nats: PrivateNats, name: string, messages: number) {
  const config = loadIngestConfig({
    DATABASE_URL: url,
    NATS_URL: nats.url,
    INGEST_CONSUMER: `bench-${name}`,
    INGEST_HEALTH_PORT: '0',
    LOG_LEVEL: 'warn',
    // The rollup job is a background job beside the write path (any process may run it); its
    // in-transaction dirty marks stay part of what is measured.
    ROLLUP_EVERY_S: '0',
    // Likewise the alarm evaluator (its own consumer on the same stream), where present.
    ALARMS_ENABLED: 'false',
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const app = await createIngestApp(config, createRootLogger(config.log));
  await app.init();
  const counters = app.get(IngestCounters);
  const deadline = Date.now() + 240_000;
  while (counters.snapshot().stored + counters.snapshot().duplicates < messages) {
    if (Date.now() > deadline) {
      throw new Error(`ingest stalled: ${JSON.stringify(counters.snapshot())}`);
    }
    await sleep(5);
  }
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const snapshot = counters.snapshot();
  await app.close();
  return { seconds, cpuSeconds, snapshot };
}

interface TableCount {
  total: number;
  distinct: number;
  checksum: string;
}

async function countTable(pool: PgPool, table: string, value: string): Promise<TableCount> {
  const { rows } = await pool.query<TableCount>(
    `SELECT count(*)::int AS total, count(DISTINCT (string_id, ts))::int AS distinct, sum(${value})::text AS checksum
       FROM ${table}`,
  );
  return rows[0] ?? { total: 0, distinct: 0, checksum: '0' };
}

/** Raw COPY of the same rows into the same (fresh) tables: the baseline. */
async function rawCopy(pool: PgPool, load: BenchLoad): Promise<number> {
  const repository = new PackSampleRepository(pool);
  const started = performance.now();
  for (let i = 0; i < load.rows.length; i += COPY_CHUNK_ROWS) {
    await repository.bulkCopy(load.rows.slice(i, i + COPY_CHUNK_ROWS));
  }
  await repository.bulkCopy([], load.cellSnapshots);
  return (performance.now() - started) / 1000;
}

export async function runTarget(
  target: TestDatabaseTarget,
  nats: PrivateNats,
  fleet: BenchFleet,
  load: BenchLoad,
): Promise<TargetReport> {
  const dbs = [
    await createTestDatabase(target),
    await createTestDatabase(target),
    await createTestDatabase(target),
  ];
  const [pool, rawPool, rawPoolAfter] = dbs.map((d) => createPgPool(d.url)) as [PgPool, PgPool, PgPool];
  try {
    for (const p of [pool, rawPool, rawPoolAfter]) {
      await registerFleet(p, fleet);
    }
    const jsm = await jetstreamManager(nats.nc);
    await applyStream(jsm, streams.telemetry);
    await jsm.streams.purge(streams.telemetry.name);
    await publishAll(nats, load);

    // The baseline is measured before and after the end-to-end run (each into a fresh database)
    // and averaged: the build machine is shared, and its load drifts within a run.
    const copyBefore = await rawCopy(rawPool, load);
    const e2e = await ingestBacklog(dbs[0]!.url, nats, target.name, load.messages.length);
    const copyAfter = await rawCopy(rawPoolAfter, load);
    const copySeconds = (copyBefore + copyAfter) / 2;

    const rows = load.rows.length + load.cellSnapshots.length;
    const [pack, cell] = [
      await countTable(pool, 'pack_sample', 'pack_voltage_dv'),
      await countTable(pool, 'cell_snapshot', 'cell_min_mv'),
    ];
    const [rawPack, rawCell] = [
      await countTable(rawPool, 'pack_sample', 'pack_voltage_dv'),
      await countTable(rawPool, 'cell_snapshot', 'cell_min_mv'),
    ];
    const { rows: ledger } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ingest_batch');
    const lost = load.rows.length - pack.distinct + (load.cellSnapshots.length - cell.distinct);
    const dup =
      pack.total -
      pack.distinct +
      (cell.total - cell.distinct) +
      Math.max(0, (ledger[0]?.n ?? 0) - load.messages.length);
    if (
      pack.checksum !== rawPack.checksum ||
      cell.checksum !== rawCell.checksum ||
      rawPack.total !== load.rows.length
    ) {
      throw new Error(
        `stored rows differ from the raw COPY: ${JSON.stringify({ pack, rawPack, cell, rawCell })}`,
      );
    }
    await jsm.consumers.delete(streams.telemetry.name, `bench-${target.name}`).catch(() => undefined);
    return {
      name: target.name,
      rows,
      messages: load.messages.length,
      e2eSeconds: e2e.seconds,
      copySeconds,
      copyRuns: [copyBefore, copyAfter],
      e2eRowsPerS: rows / e2e.seconds,
      copyRowsPerS: rows / copySeconds,
      ratio: copySeconds / e2e.seconds,
      lost,
      dup,
      writes: e2e.snapshot.writes,
      ingestCpuSeconds: e2e.cpuSeconds,
    };
  } finally {
    for (const p of [pool, rawPool, rawPoolAfter]) {
      await p.end();
    }
    for (const d of dbs) {
      await d.drop();
    }
  }
}
