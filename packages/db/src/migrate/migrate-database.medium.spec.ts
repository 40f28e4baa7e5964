import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestDatabase,
  type TestDatabase,
  type TestDatabaseTarget,
  testDatabaseTargets,
} from '../testing/index.js';
import { migrateDatabase } from './migrate-database.js';
import { type MigrationFile, migrationChecksum, readMigrationFiles } from './migration-file.js';
import { defaultMigrationsDir } from './migrations-dir.js';

const targets = await testDatabaseTargets();

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function copyMigrations(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fleet-migrations-'));
  await cp(defaultMigrationsDir(), dir, { recursive: true });
  return dir;
}

/** Empty databases and scratch copies of the migrations folder, cleaned up after the block. */
function useScratch(target: TestDatabaseTarget) {
  const databases: TestDatabase[] = [];
  const dirs: string[] = [];
  const scratch = {
    files: [] as MigrationFile[],
    emptyDatabase: async () => {
      const db = await createTestDatabase(target, { migrated: false });
      databases.push(db);
      return db;
    },
    tempMigrations: async () => {
      const dir = await copyMigrations();
      dirs.push(dir);
      return dir;
    },
  };
  beforeAll(async () => {
    scratch.files = await readMigrationFiles(defaultMigrationsDir());
  });
  afterAll(async () => {
    await Promise.all(databases.map((d) => d.drop()));
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  });
  return scratch;
}

describe.each(targets)('migrateDatabase bookkeeping on $name', (target) => {
  const scratch = useScratch(target);
  const { emptyDatabase } = scratch;

  it('applies every migration once, with Prisma bookkeeping, and nothing on a second run', async () => {
    const db = await emptyDatabase();
    const lines: string[] = [];
    const reporter = {
      applying: (n: string) => lines.push(`applying ${n}`),
      applied: (n: string, ms: number) => lines.push(`done ${n} ${ms}`),
      failed: () => lines.push('failed'),
    };

    const first = await migrateDatabase({ databaseUrl: db.url, reporter });
    const second = await migrateDatabase({ databaseUrl: db.url });

    expect(first.applied).toEqual(scratch.files.map((f) => f.name));
    expect(lines).toHaveLength(scratch.files.length * 2);
    expect(lines[0]).toBe(`applying ${scratch.files[0]!.name}`);
    expect(second).toEqual({ applied: [], alreadyApplied: scratch.files.length });
    const rows = await query<{ migration_name: string; checksum: string; steps: number; finished: boolean }>(
      db.url,
      `SELECT migration_name, checksum, applied_steps_count AS steps, finished_at IS NOT NULL AS finished
         FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows).toEqual(
      scratch.files.map((f) => ({ migration_name: f.name, checksum: f.checksum, steps: 1, finished: true })),
    );
    const sql = await readFile(join(defaultMigrationsDir(), scratch.files[0]!.name, 'migration.sql'));
    expect(rows[0]!.checksum).toBe(migrationChecksum(sql));
  });

  it('creates _prisma_migrations with the columns and types Prisma uses', async () => {
    const db = await emptyDatabase();
    await migrateDatabase({ databaseUrl: db.url });
    const columns = await query(
      db.url,
      `SELECT column_name, data_type, character_maximum_length AS len, is_nullable
         FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns).toEqual([
      { column_name: 'id', data_type: 'character varying', len: 36, is_nullable: 'NO' },
      { column_name: 'checksum', data_type: 'character varying', len: 64, is_nullable: 'NO' },
      { column_name: 'finished_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'YES' },
      { column_name: 'migration_name', data_type: 'character varying', len: 255, is_nullable: 'NO' },
      { column_name: 'logs', data_type: 'text', len: null, is_nullable: 'YES' },
      { column_name: 'rolled_back_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'YES' },
      { column_name: 'started_at', data_type: 'timestamp with time zone', len: null, is_nullable: 'NO' },
      { column_name: 'applied_steps_count', data_type: 'integer', len: null, is_nullable: 'NO' },
    ]);
  });
});

describe.each(targets)('migrateDatabase safety on $name', (target) => {
  const scratch = useScratch(target);
  const { emptyDatabase, tempMigrations } = scratch;

  it('lets two processes start at once: the advisory lock applies each migration exactly once', async () => {
    const db = await emptyDatabase();
    const results = await Promise.all([
      migrateDatabase({ databaseUrl: db.url }),
      migrateDatabase({ databaseUrl: db.url }),
      migrateDatabase({ databaseUrl: db.url }),
    ]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(scratch.files.map((f) => f.name));
    const [count] = await query<{ n: number }>(db.url, 'SELECT count(*)::int AS n FROM "_prisma_migrations"');
    expect(count!.n).toBe(scratch.files.length);
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const db = await emptyDatabase();
    const dir = await tempMigrations();
    await migrateDatabase({ databaseUrl: db.url, migrationsDir: dir });
    const path = join(dir, scratch.files[0]!.name, 'migration.sql');
    await writeFile(path, `${await readFile(path, 'utf8')}\n-- an innocent edit\n`);

    await expect(migrateDatabase({ databaseUrl: db.url, migrationsDir: dir })).rejects.toMatchObject({
      code: 'checksum-mismatch',
      message: expect.stringContaining(scratch.files[0]!.name),
    });
  });

  it('rolls a failing migration back, records it, and refuses until it is resolved', async () => {
    const db = await emptyDatabase();
    const dir = await tempMigrations();
    const broken = join(dir, '29990101000000_broken');
    await cp(join(dir, scratch.files[0]!.name), broken, { recursive: true });
    await writeFile(join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT 1 / 0;\n');

    await expect(migrateDatabase({ databaseUrl: db.url, migrationsDir: dir })).rejects.toMatchObject({
      code: 'migration-failed',
      message: expect.stringContaining('division by zero'),
    });
    const [halfDone] = await query<{ t: string | null }>(
      db.url,
      "SELECT to_regclass('half_done')::text AS t",
    );
    expect(halfDone!.t).toBeNull();
    await expect(migrateDatabase({ databaseUrl: db.url, migrationsDir: dir })).rejects.toMatchObject({
      code: 'failed-migration',
    });

    await writeFile(join(broken, 'migration.sql'), 'CREATE TABLE half_done (id int);\n');
    await query(db.url, `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL`);
    const retry = await migrateDatabase({ databaseUrl: db.url, migrationsDir: dir });
    expect(retry.applied).toEqual(['29990101000000_broken']);
  });
});

describe.each(targets)('migrate CLI on $name', (target) => {
  const scratch = useScratch(target);

  it('runs as a CLI with DATABASE_URL and prints progress lines', async () => {
    const db = await scratch.emptyDatabase();
    const cli = fileURLToPath(new URL('../cli/migrate.ts', import.meta.url));
    const output = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', cli], {
        env: { ...process.env, DATABASE_URL: db.url },
      });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(output.code, output.out).toBe(0);
    expect(output.out).toMatch(new RegExp(`applying ${scratch.files.at(-1)!.name}… done in \\d+ ms`));
    expect(output.out).toContain(`${scratch.files.length} applied, 0 already applied`);
  });
});
