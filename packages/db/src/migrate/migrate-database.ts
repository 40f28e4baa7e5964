import pg from 'pg';
import { MigrationError } from './migration.error.js';
import { type MigrationFile, readMigrationFiles } from './migration-file.js';
import { planMigrations } from './migration-plan.js';
import { defaultMigrationsDir } from './migrations-dir.js';
import { ensureLedger, readAppliedMigrations, recordMigration } from './migrations-ledger.js';

/** The key `prisma migrate` locks too, so our migrator and Prisma's never run at once. */
const MIGRATION_LOCK_KEY = 72707369;

export interface MigrationReporter {
  applying(name: string): void;
  applied(name: string, ms: number): void;
  failed(name: string, error: Error): void;
}

export interface MigrateOptions {
  databaseUrl: string;
  /** Defaults to `<repo>/prisma/migrations`. */
  migrationsDir?: string;
  reporter?: MigrationReporter;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

const silent: MigrationReporter = { applying() {}, applied() {}, failed() {} };

/**
 * Applies pending `prisma/migrations/<name>/migration.sql` files in name order, each in its
 * own transaction, under a session advisory lock so concurrent starters queue instead of
 * racing. Refuses (MigrationError) on edited history or a recorded failure.
 */
export async function migrateDatabase(options: MigrateOptions): Promise<MigrateResult> {
  const reporter = options.reporter ?? silent;
  const files = await readMigrationFiles(options.migrationsDir ?? defaultMigrationsDir());
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      // Created under the lock: two concurrent CREATE TABLE IF NOT EXISTS can still collide.
      await ensureLedger(client);
      const pending = planMigrations(files, await readAppliedMigrations(client));
      for (const file of pending) {
        await applyMigration(client, file, reporter);
      }
      return { applied: pending.map((f) => f.name), alreadyApplied: files.length - pending.length };
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function applyMigration(client: pg.Client, file: MigrationFile, reporter: MigrationReporter) {
  const startedAt = new Date();
  reporter.applying(file.name);
  try {
    await client.query('BEGIN');
    await client.query(file.sql);
    await recordMigration(client, file, startedAt, { ok: true });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const message = error instanceof Error ? error.message : String(error);
    // Recorded outside the rolled-back transaction, so the next run refuses until resolved.
    await recordMigration(client, file, startedAt, { ok: false, logs: message });
    const failure = new MigrationError('migration-failed', `migration ${file.name} failed: ${message}`, {
      cause: error,
    });
    reporter.failed(file.name, failure);
    throw failure;
  }
  reporter.applied(file.name, Date.now() - startedAt.getTime());
}
