/**
 * Why the migrator refused to run. Closed set (STYLE.md §12):
 * - `checksum-mismatch`: an applied migration's file was edited afterwards; history must not change.
 * - `missing-file`: the database has a migration applied that this checkout does not have.
 * - `failed-migration`: a previous attempt failed and is recorded; resolve it before going on.
 * - `migration-failed`: the migration being applied now failed (its transaction was rolled back).
 * - `invalid-directory`: the migrations folder is missing or unreadable.
 */
export type MigrationErrorCode =
  | 'checksum-mismatch'
  | 'missing-file'
  | 'failed-migration'
  | 'migration-failed'
  | 'invalid-directory';

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MigrationError';
  }
}
