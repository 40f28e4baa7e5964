// npm run bench:storage [-- --postgres] — issue 6: bytes on disk per string for its whole life.
// A throwaway database on TimescaleDB (TEST_TIMESCALE_URL, default 5433) or, with --postgres, on
// PostgreSQL (TEST_DATABASE_URL, default 5432); dropped at the end.
//
// Stores one month (30 days) of one 15-module string at the agent's DEFAULT sampling plan
// (string-month.model.ts) through the real write path (PackSampleRepository.storeBatches, one
// batch per 60-s flush, an hour of batches per group) and the rollup job (RollupRepository), then
// measures each table's size on disk (hypertable_size on TimescaleDB, the partitions' sum of
// pg_total_relation_size on PostgreSQL, indexes and TOAST included). Then the 15-year life under
// the retention tiers (raw samples and cell snapshots 90 days, 1m rollups 2 years, 1h and 1d
// rollups and string_latest the whole life; alarms are a few rows a month, left out): each table
// is filled with copies of the month, shifted 30 days each, up to what its tier keeps, and measured.
//
// Baseline in the same run: the naive layout (every value every 5 s in a full pack row, one row
// per cell per snapshot at 5 s, kept for life), stored for NAIVE_HOURS and scaled to a month.
import { performance } from 'node:perf_hooks';
import { createPgPool, type PgPool } from '../src/client.js';
import { testEnv } from '../src/config/test-env.js';
import { migrateDatabase } from '../src/migrate/migrate-database.js';
import type { CellSnapshotRow } from '../src/repositories/cell-snapshot.repository.js';
import {
  copyLines,
  PACK_SAMPLE_COPY_COLUMNS,
  packSampleCopyLine,
} from '../src/repositories/pack-sample.copy.js';
import { PackSampleRepository, type StoreBatchInput } from '../src/repositories/pack-sample.repository.js';
import { RollupRepository } from '../src/repositories/rollup.repository.js';
import { databaseUrl, dropDatabase } from '../src/testing/test-database.js';
import {
  cellSnapshotOf,
  DefaultPlanFilter,
  PACK_EVERY_S,
  type Reading,
  StringMonthModel,
} from './string-month.model.js';

const env = testEnv();
const target = process.argv.includes('--postgres') ? 'postgres' : 'timescaledb';
const serverUrl =
  target === 'postgres'
    ? env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
    : env.TEST_TIMESCALE_URL || 'postgresql://postgres@127.0.0.1:5433/postgres';
const DAYS = 30;
const NAIVE_HOURS = 6;
const MONTH_START = Date.parse('2026-09-01T00:00:00Z');
const MB = 1024 * 1024;
const TENANT = '00000000-0000-4000-8000-00000000c001';
const SITE = '00000000-0000-4000-8000-00000000c002';
const STRING = '00000000-0000-4000-8000-00000000c003';
/** Months kept per table over a 15-year life (180 months). */
const TIERS: ReadonlyArray<[table: string, months: number]> = [
  ['pack_sample', 3],
  ['cell_snapshot', 3],
  ['string_rollup_1m', 24],
  ['string_rollup_1h', 180],
  ['string_rollup_1d', 180],
];
const LIFE_MONTHS = 180;

async function seed(pool: PgPool): Promise<void> {
  await pool.query("INSERT INTO tenant (id, name, slug) VALUES ($1, 'Bench', 'bench-storage')", [TENANT]);
  await pool.query("INSERT INTO site (id, tenant_id, name) VALUES ($1, $2, 'Bench site')", [SITE, TENANT]);
  await pool.query("INSERT INTO gateway (id, tenant_id, site_id, name) VALUES ('bench-gw', $1, $2, 'gw')", [
    TENANT,
    SITE,
  ]);
  await pool.query(
    `INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name)
     VALUES ($1, $2, $3, 'bench-gw', 'can0', 0, 'String 1')`,
    [STRING, TENANT, SITE],
  );
  // Plain PostgreSQL: the month's own partitions (no-ops on hypertables).
  const from = new Date(MONTH_START - 86_400_000);
  const to = new Date(MONTH_START + (DAYS + 1) * 86_400_000);
  await pool.query('SELECT ensure_time_partitions($1, $2, $3)', ['pack_sample', from, to]);
  await pool.query('SELECT ensure_time_partitions($1, $2, $3)', ['cell_snapshot', from, to]);
  for (const [table, step] of [
    ['string_rollup_1m', 'month'],
    ['string_rollup_1h', 'year'],
    ['string_rollup_1d', 'year'],
  ]) {
    await pool.query('SELECT ensure_rollup_partitions($1, $2, $3, $4)', [table, from, to, step]);
  }
}

/** The month at the default plan, through the write path; returns rows and snapshots stored. */
async function storeMonth(pool: PgPool): Promise<{ rows: number; snapshots: number }> {
  const repo = new PackSampleRepository(pool);
  const model = new StringMonthModel();
  const plan = new DefaultPlanFilter();
  let rows = 0;
  let snapshots = 0;
  for (let hour = 0; hour < DAYS * 24; hour++) {
    const group: StoreBatchInput[] = [];
    for (let minute = 0; minute < 60; minute++) {
      const b: StoreBatchInput & { cellSnapshots: CellSnapshotRow[] } = {
        msgId: `bench:${hour}:${minute}`,
        gatewayId: 'bench-gw',
        rows: [],
        cellSnapshots: [],
      };
      for (let s = 0; s < 60; s += PACK_EVERY_S) {
        const reading = model.read(new Date(MONTH_START + ((hour * 60 + minute) * 60 + s) * 1000));
        if (plan.reportCells(reading.sample)) {
          b.cellSnapshots.push({ stringId: STRING, snapshot: cellSnapshotOf(reading, 'schedule') });
        }
        if (plan.reportPack(reading.sample)) {
          b.rows.push({ stringId: STRING, sample: reading.sample });
        }
      }
      rows += b.rows.length;
      snapshots += b.cellSnapshots.length;
      group.push(b);
    }
    await repo.storeBatches(group);
  }
  return { rows, snapshots };
}

async function rollUp(pool: PgPool): Promise<void> {
  const rollups = new RollupRepository(pool);
  for (;;) {
    const done = await rollups.runOnce({ maxHours: 48, recomputeAfter: new Date(0) });
    if (done.hours === 0 && done.days === 0 && done.skippedOld === 0) {
      return;
    }
  }
}

/**
 * Grows every table from the stored month to what one string holds in steady state late in its
 * life: the month copied forward in 30-day steps until the table holds its tier's months (raw 3,
 * 1m 24, 1h and 1d 180), so sizes include every chunk or partition and index the tiers keep,
 * instead of multiplying one small month (whose fixed per-chunk cost would be counted 180 times).
 */
async function growToLife(pool: PgPool): Promise<void> {
  const end = new Date(MONTH_START + LIFE_MONTHS * DAYS * 86_400_000);
  await pool.query('SELECT ensure_time_partitions($1, $2, $3)', ['pack_sample', new Date(MONTH_START), end]);
  await pool.query('SELECT ensure_time_partitions($1, $2, $3)', [
    'cell_snapshot',
    new Date(MONTH_START),
    end,
  ]);
  for (const [table, step] of [
    ['string_rollup_1m', 'month'],
    ['string_rollup_1h', 'year'],
    ['string_rollup_1d', 'year'],
  ]) {
    await pool.query('SELECT ensure_rollup_partitions($1, $2, $3, $4)', [
      table,
      new Date(MONTH_START),
      end,
      step,
    ]);
  }
  for (const [table, months] of TIERS) {
    const time =
      table === 'string_rollup_1m' ? 'hour_start' : table.startsWith('string_rollup') ? 'bucket_start' : 'ts';
    const { rows } = await pool.query<{ columns: string[] }>(
      `SELECT array_agg(column_name::text ORDER BY ordinal_position) AS columns
         FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
      [table],
    );
    const columns = rows[0]?.columns ?? [];
    const shifted = columns.map((c) =>
      c === time || c === 'first_ts' || c === 'last_ts' ? `${c} + k * interval '${DAYS} days'` : c,
    );
    await pool.query(
      `INSERT INTO ${table} (${columns.join(', ')})
       SELECT ${shifted.join(', ')} FROM ${table}, generate_series(1, $1::int - 1) k`,
      [months],
    );
  }
}

async function tableBytes(pool: PgPool, table: string): Promise<number> {
  const hyper = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_extension WHERE extname = 'timescaledb'`,
  );
  if (hyper.rows[0]?.n) {
    const { rows } = await pool.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM timescaledb_information.hypertables WHERE hypertable_name = $1',
      [table],
    );
    if (rows[0]?.n) {
      const size = await pool.query<{ b: string }>('SELECT hypertable_size($1::regclass)::text AS b', [
        table,
      ]);
      return Number(size.rows[0]?.b ?? 0);
    }
  }
  // pg_partition_tree lists a partitioned table's partitions, and a plain table as itself.
  const { rows } = await pool.query<{ b: string }>(
    `SELECT CASE WHEN (SELECT relkind FROM pg_class WHERE oid = $1::regclass) = 'p'
                 THEN (SELECT coalesce(sum(pg_total_relation_size(relid)), 0) FROM pg_partition_tree($1::regclass))
                 ELSE pg_total_relation_size($1::regclass) END::text AS b`,
    [table],
  );
  return Number(rows[0]?.b ?? 0);
}

/** NAIVE_HOURS of the naive layout, in plain tables; returns bytes for a month. */
async function naiveMonthBytes(pool: PgPool): Promise<{ pack: number; cells: number }> {
  await pool.query('CREATE TABLE naive_pack (LIKE pack_sample INCLUDING DEFAULTS INCLUDING INDEXES)');
  await pool.query(`CREATE TABLE naive_cell (string_id uuid NOT NULL, ts timestamptz NOT NULL,
      cell_no smallint NOT NULL, voltage_mv integer NOT NULL, temp_dc integer,
      PRIMARY KEY (string_id, ts, cell_no))`);
  const model = new StringMonthModel();
  const client = await pool.connect();
  try {
    for (let hour = 0; hour < NAIVE_HOURS; hour++) {
      const readings: Reading[] = [];
      for (let s = 0; s < 3600; s += PACK_EVERY_S) {
        readings.push(model.read(new Date(MONTH_START + (hour * 3600 + s) * 1000)));
      }
      await client.query('BEGIN');
      const packLines = readings.map((r) => packSampleCopyLine({ stringId: STRING, sample: r.sample }));
      await copyLines(client, 'naive_pack', PACK_SAMPLE_COPY_COLUMNS, packLines);
      await copyLines(
        client,
        'naive_cell',
        'string_id, ts, cell_no, voltage_mv, temp_dc',
        naiveCellLines(readings),
      );
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  const scale = (DAYS * 24) / NAIVE_HOURS;
  return {
    pack: (await tableBytes(pool, 'naive_pack')) * scale,
    cells: (await tableBytes(pool, 'naive_cell')) * scale,
  };
}

function* naiveCellLines(readings: Reading[]): Generator<string> {
  for (const r of readings) {
    for (let i = 0; i < r.cellsMv.length; i++) {
      // One temperature sensor per 3.75 cells: each cell row carries its module's nearest sensor.
      const temp = r.tempsDc[Math.floor((i * r.tempsDc.length) / r.cellsMv.length)];
      yield `${STRING}\t${r.sample.ts}\t${i + 1}\t${r.cellsMv[i]}\t${temp}\n`;
    }
  }
}

async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await body();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

async function main(): Promise<void> {
  const name = `fleet_bench_s_${Date.now().toString(36)}`;
  const admin = createPgPool(serverUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrl(serverUrl, name);
  const pool = createPgPool(url, 2);
  try {
    console.log(`bench:storage on ${target} (${name})`);
    const quiet = { applying: () => undefined, applied: () => undefined, failed: () => undefined };
    await migrateDatabase({ databaseUrl: url, reporter: quiet });
    await seed(pool);
    const stored = await timed(`${DAYS} days at the default plan, write path`, () => storeMonth(pool));
    await timed('rollup job', () => rollUp(pool));
    await pool.query('VACUUM ANALYZE');
    const month = new Map<string, number>();
    for (const [table] of TIERS) {
      month.set(table, await tableBytes(pool, table));
    }
    await timed('tiers grown to their life length', () => growToLife(pool));
    await pool.query('VACUUM ANALYZE');
    const life = new Map<string, number>();
    for (const [table] of TIERS) {
      life.set(table, await tableBytes(pool, table));
    }
    const latest = await tableBytes(pool, 'string_latest');
    const naive = await timed(`naive layout, ${NAIVE_HOURS} h`, () => naiveMonthBytes(pool));
    report(stored, { month, life }, latest, naive);
  } finally {
    await pool.end();
    await dropDatabase(serverUrl, name);
  }
}

function report(
  stored: { rows: number; snapshots: number },
  sizes: { month: Map<string, number>; life: Map<string, number> },
  latest: number,
  naive: { pack: number; cells: number },
): void {
  const mb = (b: number) => `${(b / MB).toFixed(2)} MB`;
  console.log(
    `\nper day: ${(stored.rows / DAYS).toFixed(0)} pack rows, ${(stored.snapshots / DAYS).toFixed(0)} cell snapshots`,
  );
  console.log('\ntable                 one month    months kept   15-year life');
  let life = latest;
  const parts: string[] = [];
  for (const [table, months] of TIERS) {
    const month = sizes.month.get(table) ?? 0;
    const kept = sizes.life.get(table) ?? 0;
    life += kept;
    parts.push(`${table}_life_mb=${(kept / MB).toFixed(1)}`);
    console.log(
      `${table.padEnd(20)} ${mb(month).padStart(11)}   ${String(months).padStart(11)}   ${mb(kept).padStart(12)}`,
    );
  }
  console.log(
    `${'string_latest'.padEnd(20)} ${mb(latest).padStart(11)}   ${'life'.padStart(11)}   ${mb(latest).padStart(12)}`,
  );
  const naiveLife = (naive.pack + naive.cells) * LIFE_MONTHS;
  console.log(`\nlife per string: ${mb(life)} (goal < 250 MB): ${life < 250 * MB ? 'met' : 'NOT met'}`);
  console.log(
    `naive layout: ${mb(naive.pack)} pack + ${mb(naive.cells)} cells per month, ${mb(naiveLife)} for life; ratio ${(naiveLife / life).toFixed(1)}x`,
  );
  console.log(
    [
      `target=${target}`,
      `pack_rows_per_day=${(stored.rows / DAYS).toFixed(0)}`,
      ...parts,
      `life_mb=${(life / MB).toFixed(1)}`,
      `naive_month_mb=${((naive.pack + naive.cells) / MB).toFixed(1)}`,
      `naive_life_mb=${(naiveLife / MB).toFixed(0)}`,
      `ratio=${(naiveLife / life).toFixed(1)}`,
    ].join(' '),
  );
}

await main();
