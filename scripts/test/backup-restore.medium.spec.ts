import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgPool, PackSampleRepository, type PgPool } from '@fleet/db';
import {
  createTestDatabase,
  databaseUrl,
  dropDatabase,
  type TestDatabase,
  testDatabaseTargets,
} from '@fleet/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchFleet, benchLoad, registerFleet } from './cluster/load.js';

const root = new URL('../../', import.meta.url).pathname;
const script = (name: string) => join(root, 'scripts/backup', name);
const targets = await testDatabaseTargets();
/** scripts/timescaledb-up.sh's chroot: its PostgreSQL 17 tools match the TimescaleDB server. */
const TS_ROOT = process.env.TS_ROOT ?? '/var/cache/fleet-timescaledb';

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr}`);
  }
  return result;
}

/**
 * pg_dump refuses a server newer than itself. The host's tools fit the machine's PostgreSQL; for
 * the TimescaleDB in the chroot, PG_BIN points at wrappers that run the chroot's own tools
 * (stdin/stdout only, which is all backup.sh and restore.sh use).
 */
async function toolsFor(url: string, dir: string): Promise<Record<string, string>> {
  const major = run('psql', ['-XAtq', '--dbname', url, '-c', 'SHOW server_version_num']).stdout.slice(0, 2);
  if (existsSync(`/usr/lib/postgresql/${major}/bin/pg_dump`)) {
    return {};
  }
  const chrooted = `${TS_ROOT}/usr/lib/postgresql/${major}/bin`;
  if (!existsSync(`${chrooted}/pg_dump`)) {
    throw new Error(`no pg_dump ${major} on this machine (set PG_BIN to a directory holding one)`);
  }
  for (const tool of ['pg_dump', 'pg_restore']) {
    await writeFile(
      join(dir, tool),
      `#!/bin/sh\nexec chroot ${TS_ROOT} /usr/lib/postgresql/${major}/bin/${tool} "$@"\n`,
    );
    await chmod(join(dir, tool), 0o755);
  }
  return { PG_BIN: dir };
}

/** Some of everything ingest writes: registry rows, pack samples, cell snapshots, the ledger. */
async function seed(pool: PgPool): Promise<number> {
  const fleet = benchFleet(40);
  const load = benchLoad(fleet, 8);
  await registerFleet(pool, fleet);
  await new PackSampleRepository(pool).bulkCopy(load.rows, load.cellSnapshots);
  await pool.query(
    `INSERT INTO ingest_batch (msg_id, gateway_id, sample_count) SELECT 'm' || i, $1, 24 FROM generate_series(1, 50) i`,
    [fleet.gateways[0]!.id],
  );
  return load.rows.length;
}

const checksums = (url: string) =>
  run(script('checksums.sh'), [url])
    .stdout.trim()
    .split('\n')
    .map((line) => line.split(' '));

/**
 * Issue 11: backup.sh + restore.sh round trip. A restore into a fresh database must give every
 * table the same row count and the same md5 over its ordered rows; on TimescaleDB the hypertables
 * come back as hypertables (Timescale's pre/post restore functions).
 */
describe.each(targets)('backup and restore on $name', (target) => {
  let source: TestDatabase;
  let pool: PgPool;
  let dir: string;
  let restoredName: string;
  let tools: Record<string, string>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fleet-backup-'));
    source = await createTestDatabase(target);
    pool = createPgPool(source.url);
    tools = await toolsFor(source.url, dir);
    restoredName = `${source.name}_restored`;
  });

  afterAll(async () => {
    await pool?.end();
    await source?.drop();
    if (restoredName) {
      await dropDatabase(target.url, restoredName).catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('restores into a fresh database with the same row counts and checksums per table', async () => {
    const packRows = await seed(pool);
    const dump = join(dir, 'fleet.dump');
    const restored = databaseUrl(target.url, restoredName);

    run(script('backup.sh'), [source.url, dump], tools);
    run(script('restore.sh'), [dump, restored], tools);

    const before = checksums(source.url);
    const after = checksums(restored);
    expect(after).toEqual(before);
    // Not vacuous: the seeded tables are in the comparison with their rows.
    const row = (table: string) => before.find(([name]) => name === table);
    expect(row('pack_sample')?.[1]).toBe(String(packRows));
    expect(Number(row('cell_snapshot')?.[1])).toBeGreaterThan(0);
    expect(row('ingest_batch')?.[1]).toBe('50');
    expect(before.length).toBeGreaterThan(20);

    if (target.name === 'timescaledb') {
      const hypertables = (url: string) =>
        run('psql', [
          '-XAtq',
          '--dbname',
          url,
          '-c',
          "SELECT string_agg(hypertable_name, ',' ORDER BY hypertable_name) FROM timescaledb_information.hypertables",
        ]).stdout.trim();
      expect(hypertables(restored)).toBe(hypertables(source.url));
      expect(hypertables(restored)).toContain('pack_sample');
    }
  });

  it('refuses to restore over a database that already holds tables', async () => {
    const result = spawnSync(script('restore.sh'), [join(dir, 'fleet.dump'), source.url], {
      encoding: 'utf8',
      env: { ...process.env, ...tools },
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/already has \d+ tables: restore only into a new, empty database/);
  });
});
