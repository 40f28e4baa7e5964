// npm run bench:cluster — ingest throughput with one and with two ingest processes on a 3-node
// NATS cluster (R3 streams, loopback), each process on its own node, writing into the same
// database; lost and duplicated samples counted from the database. Goal (issue 11): two
// processes at least 1.6 × one where the database is not the bottleneck, 0 lost, 0 duplicated.
// Ends with one name=value line.
//
//   npm run bench:cluster [-- --strings 1000 --batches 24 --only timescaledb|postgres]
import { readdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createPgPool } from '@fleet/db';
import { createTestDatabase, probeTestDatabaseTargets, type TestDatabaseTarget } from '@fleet/db/testing';
import { consumers, streams } from '@fleet/telemetry';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { buildIngest, type IngestProcess, ingestOnCluster } from '../test/cluster/ingest-on-cluster.js';
import {
  type Accounting,
  account,
  benchFleet,
  benchLoad,
  publishLoad,
  registerFleet,
} from '../test/cluster/load.js';
import { NatsCluster } from '../test/cluster/nats-cluster.js';
import { applyClusterStreams } from '../test/cluster/streams.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const STRINGS = Number(arg('strings', '1000'));
const BATCHES = Number(arg('batches', '24'));
const ONLY = arg('only', 'timescaledb');
const GOAL = 1.6;

/** Busy share of all cores between two samples of os.cpus(): is the machine the bottleneck? */
function cpuTimes() {
  return cpus().reduce(
    (t, c) => {
      const total = Object.values(c.times).reduce((a, b) => a + b, 0);
      return { idle: t.idle + c.times.idle, total: t.total + total };
    },
    { idle: 0, total: 0 },
  );
}

/**
 * CPU seconds used so far by this bench's ingest children (Linux /proc; utime + stime at the
 * usual 100 ticks per second). Rows per ingest CPU second, compared between the phases, says
 * whether a second process does as much per core as the first, whatever the shared machine
 * gives each process; 0 where /proc is missing.
 */
function ingestCpuSeconds(): number {
  let ticks = 0;
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  for (const pid of entries) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name "(…)": state ppid … utime(14) stime(15).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid) {
        continue;
      }
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('apps/ingest/dist/main.js')) {
        continue;
      }
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return ticks / 100;
}

interface Phase {
  processes: number;
  rowsPerS: number;
  seconds: number;
  rows: number;
  cpuBusyPct: number;
  /** Rows stored per CPU second of the ingest processes (0 without /proc). */
  rowsPerIngestCpuS: number;
  accounting: Accounting;
}

async function runPhase(
  cluster: NatsCluster,
  nc: NatsConnection,
  target: TestDatabaseTarget,
  processes: number,
): Promise<Phase> {
  const db = await createTestDatabase(target);
  const pool = createPgPool(db.url);
  const started: IngestProcess[] = [];
  try {
    const fleet = benchFleet(STRINGS);
    const load = benchLoad(fleet, BATCHES);
    await registerFleet(pool, fleet);
    // A clean backlog: the previous phase's messages and cursor are gone.
    const jsm = await jetstreamManager(nc, { timeout: 20_000 });
    await jsm.consumers.delete(streams.telemetry.name, consumers.telemetryWriter).catch(() => undefined);
    await jsm.streams.purge(streams.telemetry.name);
    await publishLoad(nc, load.messages, { window: 500, every: 1000 });

    // Processes start one after another (the first creates the durable consumer); what was
    // stored before the clock starts is not counted.
    for (let i = 0; i < processes; i++) {
      const p = await ingestOnCluster(cluster, i, db.url);
      started.push(p);
      await p.start();
    }
    const ledger = async () =>
      (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM ingest_batch')).rows[0]!.n;
    // The clock starts once all are consuming AND a tenth of the backlog is stored, in both
    // phases: the first batches of each gateway pay the string-registry lookups (then cached),
    // and a phase whose warm-up was not timed would look faster than it is.
    const warm = Math.ceil(load.messages.length / 10);
    while ((await ledger()) < warm) {
      await sleep(20);
    }
    const before = await ledger();
    const cpu0 = cpuTimes();
    const ingestCpu0 = ingestCpuSeconds();
    const t0 = performance.now();
    const deadline = Date.now() + 600_000;
    while ((await ledger()) < load.messages.length) {
      if (Date.now() > deadline) {
        throw new Error(`ingest stalled at ${await ledger()} of ${load.messages.length} batches`);
      }
      await sleep(50);
    }
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = cpuTimes();
    const ingestCpu = ingestCpuSeconds() - ingestCpu0;
    const perMessage = (load.rows.length + load.cellSnapshots.length) / load.messages.length;
    const rows = (load.messages.length - before) * perMessage;
    return {
      processes,
      rowsPerS: rows / seconds,
      seconds,
      rows,
      cpuBusyPct: 100 * (1 - (cpu1.idle - cpu0.idle) / (cpu1.total - cpu0.total)),
      rowsPerIngestCpuS: ingestCpu > 0 ? rows / ingestCpu : 0,
      accounting: await account(pool, load),
    };
  } finally {
    await Promise.all(started.map((p) => p.stop('SIGTERM')));
    await pool.end();
    await db.drop();
  }
}

async function main(): Promise<void> {
  const targets = await probeTestDatabaseTargets();
  const target = targets.find((t) => t.name === ONLY) ?? targets[0]!;
  await buildIngest();
  const cluster = await NatsCluster.start(3, 'fleet-bench');
  const nc = await connect({ servers: cluster.url(2), maxReconnectAttempts: -1 });
  const phases: Phase[] = [];
  try {
    await applyClusterStreams(nc, 3);
    for (const processes of [1, 2]) {
      const phase = await runPhase(cluster, nc, target, processes);
      phases.push(phase);
      const a = phase.accounting;
      console.log(
        `${target.name} ${processes} ingest process(es): ${phase.rows} rows in ${phase.seconds.toFixed(2)} s = ` +
          `${phase.rowsPerS.toFixed(0)} rows/s, ${phase.rowsPerIngestCpuS.toFixed(0)} rows per ingest CPU second; machine CPU busy ${phase.cpuBusyPct.toFixed(0)} % of ${cpus().length} cores; ` +
          `stored ${a.stored}/${a.expected}, lost ${a.lost}, duplicated ${a.duplicated}`,
      );
    }
  } finally {
    await nc.close();
    await cluster.stop();
  }
  const [one, two] = phases as [Phase, Phase];
  const ratio = two.rowsPerS / one.rowsPerS;
  // 1.0: the second process stores as much per CPU second as the first (linear with cores).
  const efficiency = one.rowsPerIngestCpuS > 0 ? two.rowsPerIngestCpuS / one.rowsPerIngestCpuS : 0;
  const lost = one.accounting.lost + two.accounting.lost;
  const duplicated = one.accounting.duplicated + two.accounting.duplicated;
  console.log(
    [
      `ratio_2_vs_1=${ratio.toFixed(2)}`,
      `lost=${lost}`,
      `duplicated=${duplicated}`,
      `rows_per_s_1=${one.rowsPerS.toFixed(0)}`,
      `rows_per_s_2=${two.rowsPerS.toFixed(0)}`,
      `cpu_efficiency_2_vs_1=${efficiency.toFixed(2)}`,
      `cpu_busy_1=${one.cpuBusyPct.toFixed(0)}%`,
      `cpu_busy_2=${two.cpuBusyPct.toFixed(0)}%`,
      `cores=${cpus().length}`,
      `load1=${loadavg()[0]!.toFixed(1)}`,
      `db=${target.name}`,
      `strings=${STRINGS}`,
      `batches=${BATCHES}`,
      `goal=${GOAL}`,
      `met=${ratio >= GOAL && lost === 0 && duplicated === 0 ? 'yes' : 'no'}`,
    ].join(' '),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
