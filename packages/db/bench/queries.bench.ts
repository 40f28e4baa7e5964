// npm run bench:queries [-- --postgres] — issue 6: read paths over a year of rollups for fleets of
// 1,000 and 10,000 strings. A throwaway database on TimescaleDB (TEST_TIMESCALE_URL, default 5433)
// or, with --postgres, on PostgreSQL (TEST_DATABASE_URL, default 5432); dropped at the end.
//
// Data, generated in SQL (generate_series): one tenant owning the whole fleet; per string a year
// of 1d rollups, the last 48 h of 1h rollups, the last 10 min of raw samples at 30 s, its
// string_latest row, and 5 alarms (open on ~1.3 % of strings, else closed). For the measured
// string also a year of 1h rollups and a year of raw samples at 30 s (1.05 M rows; at the plan's 5 s it would be 6.3 M and take minutes to build, so 30 s:
// the raw baseline is then 6x cheaper than in production, which only flatters the baseline).
//
// Measures p95 over repeated runs of: the fleet overview (TelemetryReadRepository.fleetOverview:
// the first page of 100 by name and by severity, and every page of the tenant),
// one string's 1-year SOH and cell-spread trend from 1d rollups (stringTrend) against the same
// trend computed from raw samples, and one day of raw samples (stringTrend, tier raw).
import { performance } from 'node:perf_hooks';
import { createPgPool, type PgPool } from '../src/client.js';
import { testEnv } from '../src/config/test-env.js';
import { migrateDatabase } from '../src/migrate/migrate-database.js';
import { TelemetryReadRepository } from '../src/repositories/telemetry-read.repository.js';
import { databaseUrl, dropDatabase } from '../src/testing/test-database.js';

const env = testEnv();
const target = process.argv.includes('--postgres') ? 'postgres' : 'timescaledb';
const serverUrl =
  target === 'postgres'
    ? env.TEST_DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres'
    : env.TEST_TIMESCALE_URL || 'postgresql://postgres@127.0.0.1:5433/postgres';
const DAY_MS = 86_400_000;
const TENANT = '00000000-0000-4000-8000-00000000b001';
const SITE = '00000000-0000-4000-8000-00000000b002';
const stringId = (i: number) => `SELECT md5('bench-string-' || ${i})::uuid AS id`;

async function build(pool: PgPool, from: number, to: number): Promise<void> {
  await pool.query(
    `INSERT INTO gateway (id, tenant_id, site_id, name)
     SELECT 'bench-gw-' || g, $1, $2, 'gw ' || g FROM generate_series($3::int / 16, ($4::int - 1) / 16) g
     ON CONFLICT DO NOTHING`,
    [TENANT, SITE, from, to],
  );
  await pool.query(
    `INSERT INTO bms_string (id, tenant_id, site_id, gateway_id, bus, bms_address, name, last_sample_at)
     SELECT md5('bench-string-' || i)::uuid, $1, $2, 'bench-gw-' || (i / 16), 'can0', i % 16,
            'String ' || lpad(i::text, 5, '0'), date_trunc('minute', now())
       FROM generate_series($3::int, $4::int - 1) i`,
    [TENANT, SITE, from, to],
  );
  const rollupColumns = `string_id, bucket_start, samples, covered_s, first_ts, last_ts,
      pack_voltage_min_dv, pack_voltage_max_dv, pack_voltage_avg_dv, pack_voltage_last_dv,
      pack_current_min_da, pack_current_max_da, pack_current_avg_da, pack_current_last_da,
      soc_min_pct, soc_max_pct, soc_last_pct, soh_min_pct, soh_last_pct, cell_max_mv_max, cell_min_mv_min,
      cell_spread_max_mv, cell_spread_avg_mv, cell_spread_samples, bms_temp_min_dc, bms_temp_max_dc,
      cell_temp_min_dc, cell_temp_max_dc, energy_in_wh, energy_out_wh, sleep_s, charge_s, discharge_s,
      idle_s, other_state_s, alarm_bits_any, protection_bits_any, state_last`;
  const rollupValues = (
    width: string,
  ) => `md5('bench-string-' || i)::uuid, b, 100, ${width}, b, b + interval '1 second',
      3900, 4200, 4050, 4100, -250, 400, 20, 0, 20, 95, 60,
      (100 - (extract(epoch FROM now() - b) / 86400 / 73))::int, (100 - (extract(epoch FROM now() - b) / 86400 / 73))::int,
      3420, 3300, 40 + (i % 20), 30, 100, 180, 260, 170, 270, 5000, 4500, 0, 20000, 20000, 40000, 0,
      CASE WHEN i % 97 = 0 THEN 16 ELSE 0 END, CASE WHEN i % 389 = 0 THEN 2 ELSE 0 END, 'idle'`;
  await pool.query(
    `INSERT INTO string_rollup_1d (${rollupColumns})
     SELECT ${rollupValues('86400')}
       FROM generate_series($1::int, $2::int - 1) i,
            generate_series(date_trunc('day', now()) - interval '364 days', date_trunc('day', now()), interval '1 day') b`,
    [from, to],
  );
  await pool.query(
    `INSERT INTO string_rollup_1h (${rollupColumns})
     SELECT ${rollupValues('3600')}
       FROM generate_series($1::int, $2::int - 1) i,
            generate_series(date_trunc('hour', now()) - interval '47 hours', date_trunc('hour', now()), interval '1 hour') b`,
    [from, to],
  );
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
                              cell_max_mv, cell_min_mv, state, alarm_bits, protection_bits)
     SELECT md5('bench-string-' || i)::uuid, date_trunc('minute', now()) - t * interval '30 seconds',
            4000 + t, 100, 200, 60, 97, 3350, 3310, 'charge', 0, 0
       FROM generate_series($1::int, $2::int - 1) i, generate_series(0, 19) t`,
    [from, to],
  );
  // What the ingest write path keeps (upsertStringLatest): the newest sample per string.
  await pool.query(
    `INSERT INTO string_latest (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
                                cell_max_mv, cell_min_mv, state, alarm_bits, protection_bits)
     SELECT md5('bench-string-' || i)::uuid, date_trunc('minute', now()), 4000, 100, 200, 60, 97, 3350, 3310,
            'charge', 0, 0
       FROM generate_series($1::int, $2::int - 1) i`,
    [from, to],
  );
  // Open alarms on about 1.3 % of the strings (a warning every 97th, a critical every 389th) and
  // a closed history of 5 alarms per string, so the partial index has to skip the history.
  await pool.query(
    `INSERT INTO alarm (id, tenant_id, site_id, string_id, subject_key, code, title, severity, status,
                        first_fired_at, last_fired_at)
     SELECT gen_random_uuid(), $1, $2, md5('bench-string-' || i)::uuid, 'string:' || md5('bench-string-' || i),
            'code-' || k, 'bench',
            CASE WHEN k = 0 AND i % 389 = 0 THEN 'critical' ELSE 'warning' END::"AlarmSeverity",
            CASE WHEN k = 0 AND (i % 97 = 0 OR i % 389 = 0) THEN 'open' ELSE 'closed' END::"AlarmStatus",
            now() - k * interval '1 day', now() - k * interval '1 day'
       FROM generate_series($3::int, $4::int - 1) i, generate_series(0, 4) k`,
    [TENANT, SITE, from, to],
  );
}

/** The measured string (#1): a year of 1h rollups and of raw samples at 30 s. */
async function buildMeasuredString(pool: PgPool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(stringId(1));
  const id = rows[0]!.id;
  await pool.query(
    `INSERT INTO pack_sample (string_id, ts, pack_voltage_dv, pack_current_da, bms_temp_dc, soc_pct, soh_pct,
                              cell_max_mv, cell_min_mv, state)
     SELECT $1, ts, 4000 + (n % 200), (n % 400) - 200, 200 + (n % 50), 20 + (n % 80),
            (100 - extract(epoch FROM now() - ts) / 86400 / 73)::int, 3350 + (n % 40), 3300, 'charge'
       FROM generate_series(date_trunc('minute', now()) - interval '365 days',
                            date_trunc('minute', now()) - interval '10 minutes 30 seconds', interval '30 seconds')
            WITH ORDINALITY AS g(ts, n)`,
    [id],
  );
  return id;
}

const RAW_TREND_SQL = `
  SELECT date_bin('1 day', ts, '2000-01-01Z') AS day,
         (array_agg(soh_pct ORDER BY ts DESC))[1] AS soh,
         max(cell_max_mv - cell_min_mv) AS spread_max, avg(cell_max_mv - cell_min_mv) AS spread_avg
    FROM pack_sample WHERE string_id = $1 AND ts >= $2 AND ts < $3
   GROUP BY 1 ORDER BY 1`;

async function p95(runs: number, body: () => Promise<unknown>): Promise<number> {
  await body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await body();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)]!;
}

async function timed<T>(label: string, body: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await body();
  console.log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  return result;
}

/** Every page of the tenant, default limit (100), following the cursors. */
async function scanAll(reads: TelemetryReadRepository): Promise<number> {
  let count = 0;
  let cursor: string | null = null;
  do {
    const page = await reads.fleetOverview(TENANT, { cursor });
    count += page.rows.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

async function measure(pool: PgPool, measured: string, fleet: number) {
  const reads = new TelemetryReadRepository(pool);
  const now = new Date();
  const year = { from: new Date(now.getTime() - 365 * DAY_MS), to: now };
  const first = await reads.fleetOverview(TENANT);
  if (first.rows.length !== 100 || first.rows.some((r) => r.lastTs === null) || !first.nextCursor) {
    throw new Error(
      `overview first page has ${first.rows.length} rows (expected 100, each with a latest sample)`,
    );
  }
  const scanned = await scanAll(reads);
  if (scanned !== fleet) {
    throw new Error(`overview pages held ${scanned} strings (expected ${fleet})`);
  }
  const trend = await reads.stringTrend(TENANT, measured, { ...year, bucket: '1d' }, now);
  if (trend.points.length < 365) {
    throw new Error(`1-year trend has ${trend.points.length} points`);
  }
  return {
    overview: await p95(50, () => reads.fleetOverview(TENANT)),
    overviewSeverity: await p95(50, () => reads.fleetOverview(TENANT, { sort: 'severity' })),
    overviewScan: await p95(5, () => scanAll(reads)),
    trend1d: await p95(50, () => reads.stringTrend(TENANT, measured, { ...year, bucket: '1d' }, now)),
    trendRaw: await p95(5, () => pool.query(RAW_TREND_SQL, [measured, year.from, year.to])),
    rawDay: await p95(20, () =>
      reads.stringTrend(
        TENANT,
        measured,
        { from: new Date(now.getTime() - DAY_MS), to: now, bucket: 'raw' },
        now,
      ),
    ),
  };
}

async function main(): Promise<void> {
  const name = `fleet_bench_q_${Date.now().toString(36)}`;
  const admin = createPgPool(serverUrl, 1);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = databaseUrl(serverUrl, name);
  const pool = createPgPool(url, 2);
  try {
    console.log(`bench:queries on ${target} (${name})`);
    const quiet = { applying: () => undefined, applied: () => undefined, failed: () => undefined };
    await migrateDatabase({ databaseUrl: url, reporter: quiet });
    await pool.query("INSERT INTO tenant (id, name, slug) VALUES ($1, 'Bench', 'bench')", [TENANT]);
    await pool.query("INSERT INTO site (id, tenant_id, name) VALUES ($1, $2, 'Bench site')", [SITE, TENANT]);
    await timed('fleet of 1,000', () => build(pool, 0, 1000));
    const measured = await timed('measured string: a year of raw at 30 s', () => buildMeasuredString(pool));
    await pool.query('ANALYZE');
    const small = await measure(pool, measured, 1000);
    await timed('grow to 10,000', () => build(pool, 1000, 10_000));
    await pool.query('ANALYZE');
    const large = await measure(pool, measured, 10_000);
    report(small, large);
  } finally {
    await pool.end();
    await dropDatabase(serverUrl, name);
  }
}

type Result = Awaited<ReturnType<typeof measure>>;

function report(small: Result, large: Result): void {
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log('\nquery (p95)                        1,000 strings   10,000 strings   10k / 1k');
  for (const [label, key] of [
    ['overview, first page (100)', 'overview'],
    ['overview, first page by severity', 'overviewSeverity'],
    ['overview, all pages (whole tenant)', 'overviewScan'],
    ['1-year trend from 1d rollups', 'trend1d'],
    ['1-year trend from raw (baseline)', 'trendRaw'],
    ['one day of raw samples', 'rawDay'],
  ] as const) {
    console.log(
      `${label.padEnd(34)} ${ms(small[key]).padStart(13)}   ${ms(large[key]).padStart(14)}   ${(large[key] / small[key]).toFixed(2).padStart(8)}`,
    );
  }
  const speedup = Math.min(small.trendRaw / small.trend1d, large.trendRaw / large.trend1d);
  const growth = large.overview / small.overview;
  const scanGrowth = large.overviewScan / small.overviewScan;
  console.log(
    `\ntrend speed-up over raw: ${speedup.toFixed(0)}x (goal >= 50x): ${speedup >= 50 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `overview (first page) growth for 10x strings: ${growth.toFixed(2)}x (goal < 10x): ${growth < 10 ? 'met' : 'NOT met'}`,
  );
  console.log(`overview (every page) growth for 10x strings: ${scanGrowth.toFixed(2)}x (linear is 10x)`);
  console.log(
    [
      `target=${target}`,
      `overview_1k_p95_ms=${small.overview.toFixed(2)}`,
      `overview_10k_p95_ms=${large.overview.toFixed(2)}`,
      `overview_ratio=${growth.toFixed(2)}`,
      `overview_severity_10k_p95_ms=${large.overviewSeverity.toFixed(2)}`,
      `overview_severity_ratio=${(large.overviewSeverity / small.overviewSeverity).toFixed(2)}`,
      `overview_scan_1k_p95_ms=${small.overviewScan.toFixed(2)}`,
      `overview_scan_10k_p95_ms=${large.overviewScan.toFixed(2)}`,
      `overview_scan_ratio=${scanGrowth.toFixed(2)}`,
      `trend_1d_p95_ms=${large.trend1d.toFixed(2)}`,
      `trend_raw_p95_ms=${large.trendRaw.toFixed(2)}`,
      `trend_speedup=${speedup.toFixed(0)}`,
      `raw_day_p95_ms=${large.rawDay.toFixed(2)}`,
      `raw_day_ratio=${(large.rawDay / small.rawDay).toFixed(2)}`,
    ].join(' '),
  );
}

await main();
