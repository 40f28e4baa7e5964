// npm run bench:ingest — rows stored per second end to end (a JetStream backlog → the real ingest
// app and service classes → committed rows) beside a raw COPY of the same rows into the same
// tables of a fresh database in the same run, on TimescaleDB (5433) and plain PostgreSQL
// (5432); loss and duplicates are counted from the database. Goal (issue 6): end to end at least
// 0.6 × the raw COPY rate on both. Ends with one name=value line.
import 'reflect-metadata';
import { probeTestDatabaseTargets } from '@fleet/db/testing';
import { benchFleet, benchLoad } from './bench-fleet.js';
import { startPrivateNats } from './bench-nats.js';
import { runTarget, type TargetReport } from './bench-target.js';

const STRINGS = 1_000;
/**
 * Batches per gateway (`--batches N`, default 48): 250 gateways × 48 = 12,000 messages, 288,000
 * pack rows + 12,000 snapshots (15 × 15 cells).
 */
const batchesArg = process.argv.indexOf('--batches');
const BATCHES = batchesArg > 0 ? Number(process.argv[batchesArg + 1]) : 48;
const GOAL = 0.6;

const fixed = (n: number, digits = 0) => n.toFixed(digits);

function print(r: TargetReport): void {
  console.log(
    `${r.name.padEnd(12)} ${r.messages} messages, ${r.rows} rows: ` +
      `end to end ${fixed(r.e2eSeconds, 2)} s (ingest CPU ${fixed(r.ingestCpuSeconds, 2)} s) = ${fixed(r.e2eRowsPerS)} rows/s; ` +
      `raw COPY ${fixed(r.copySeconds, 2)} s (before ${fixed(r.copyRuns[0], 2)}, after ${fixed(r.copyRuns[1], 2)}) = ` +
      `${fixed(r.copyRowsPerS)} rows/s; ratio ${fixed(r.ratio, 2)}; ` +
      `lost ${r.lost}, dup ${r.dup}; transactions ${JSON.stringify(r.writes)}`,
  );
}

async function main(): Promise<void> {
  const onlyArg = process.argv.indexOf('--only');
  const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
  const targets = (await probeTestDatabaseTargets())
    .filter((t) => only === undefined || t.name === only)
    .sort((a) => (a.name === 'timescaledb' ? -1 : 1));
  const fleet = benchFleet(STRINGS);
  const nats = await startPrivateNats();
  const reports: TargetReport[] = [];
  try {
    for (const target of targets) {
      // A fresh boot id per target: JetStream's dedupe window outlives a purge of the stream.
      const report = await runTarget(target, nats, fleet, benchLoad(fleet, BATCHES));
      print(report);
      reports.push(report);
    }
  } finally {
    await nats.stop();
  }
  const by = (name: string) => reports.find((r) => r.name === name);
  const ts = by('timescaledb');
  const pg = by('postgres');
  const lost = reports.reduce((n, r) => n + r.lost, 0);
  const dup = reports.reduce((n, r) => n + r.dup, 0);
  const met = reports.every((r) => r.ratio >= GOAL) && lost === 0 && dup === 0 && ts !== undefined;
  console.log(
    [
      `ratio_ts=${ts ? fixed(ts.ratio, 2) : 'n/a'}`,
      `ratio_pg=${pg ? fixed(pg.ratio, 2) : 'n/a'}`,
      `rows_per_s_ts=${ts ? fixed(ts.e2eRowsPerS) : 'n/a'}`,
      `rows_per_s_pg=${pg ? fixed(pg.e2eRowsPerS) : 'n/a'}`,
      `copy_rows_per_s_ts=${ts ? fixed(ts.copyRowsPerS) : 'n/a'}`,
      `copy_rows_per_s_pg=${pg ? fixed(pg.copyRowsPerS) : 'n/a'}`,
      `lost=${lost}`,
      `dup=${dup}`,
      `goal=${GOAL}`,
      `met=${met ? 'yes' : 'no'}`,
    ].join(' '),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
