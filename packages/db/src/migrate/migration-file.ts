import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MigrationError } from './migration.error.js';

/** One `prisma/migrations/<name>/migration.sql`. */
export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 hex of the file's bytes, as Prisma stores it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export function migrationChecksum(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads every `<dir>/<name>/migration.sql`, sorted by name (names start with a timestamp). */
export async function readMigrationFiles(dir: string): Promise<MigrationFile[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    throw new MigrationError('invalid-directory', `cannot read migrations folder ${dir}: ${String(error)}`, {
      cause: error,
    });
  }
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const files: MigrationFile[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name, 'migration.sql')).catch(() => undefined);
    // A folder without migration.sql is not a migration (Prisma skips it the same way).
    if (bytes) {
      files.push({ name, sql: bytes.toString('utf8'), checksum: migrationChecksum(bytes) });
    }
  }
  return files;
}
