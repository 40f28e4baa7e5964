import { MigrationError } from './migration.error.js';
import type { MigrationFile } from './migration-file.js';

/** A row of Prisma's `_prisma_migrations` table, as far as the plan needs it. */
export interface AppliedMigration {
  migrationName: string;
  checksum: string;
  finishedAt: Date | null;
  rolledBackAt: Date | null;
  logs: string | null;
}

/**
 * Decides which migrations to apply, or refuses. Same rules as `prisma migrate deploy`:
 * a failed, not rolled-back attempt blocks everything; an applied migration must still exist
 * with the same checksum; rows marked rolled back are ignored (the migration runs again).
 */
export function planMigrations(files: MigrationFile[], applied: AppliedMigration[]): MigrationFile[] {
  const failed = applied.find((a) => a.finishedAt === null && a.rolledBackAt === null);
  if (failed) {
    throw new MigrationError(
      'failed-migration',
      `migration ${failed.migrationName} failed earlier and is recorded in _prisma_migrations` +
        `${failed.logs ? ` (${failed.logs.split('\n')[0]})` : ''}. Fix the cause, then mark it rolled back: ` +
        `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${failed.migrationName}' ` +
        'AND finished_at IS NULL; and run the migrator again.',
    );
  }
  const byName = new Map(files.map((f) => [f.name, f]));
  const done = new Set<string>();
  for (const row of applied) {
    if (row.finishedAt === null) {
      continue;
    }
    const file = byName.get(row.migrationName);
    if (!file) {
      throw new MigrationError(
        'missing-file',
        `migration ${row.migrationName} is applied to the database but has no migration.sql in this checkout`,
      );
    }
    if (file.checksum !== row.checksum) {
      throw new MigrationError(
        'checksum-mismatch',
        `migration ${row.migrationName} was changed after it was applied (checksum ${row.checksum} in the ` +
          `database, ${file.checksum} on disk). Applied migrations are history: revert the edit and write a new migration.`,
      );
    }
    done.add(row.migrationName);
  }
  return files.filter((f) => !done.has(f.name));
}
