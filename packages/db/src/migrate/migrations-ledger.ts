import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { MigrationFile } from './migration-file.js';
import type { AppliedMigration } from './migration-plan.js';

/**
 * Prisma's own bookkeeping table, created with the DDL Prisma's migration engine uses, so the
 * history stays readable by `prisma migrate status` wherever the engine can run.
 */
const CREATE_LEDGER = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function ensureLedger(client: pg.ClientBase): Promise<void> {
  await client.query(CREATE_LEDGER);
}

export async function readAppliedMigrations(client: pg.ClientBase): Promise<AppliedMigration[]> {
  const { rows } = await client.query<{
    migration_name: string;
    checksum: string;
    finished_at: Date | null;
    rolled_back_at: Date | null;
    logs: string | null;
  }>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at',
  );
  return rows.map((r) => ({
    migrationName: r.migration_name,
    checksum: r.checksum,
    finishedAt: r.finished_at,
    rolledBackAt: r.rolled_back_at,
    logs: r.logs,
  }));
}

export async function recordMigration(
  client: pg.ClientBase,
  file: MigrationFile,
  startedAt: Date,
  outcome: { ok: true } | { ok: false; logs: string },
): Promise<void> {
  await client.query(
    `INSERT INTO "_prisma_migrations"
       (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      randomUUID(),
      file.checksum,
      outcome.ok ? new Date() : null,
      file.name,
      outcome.ok ? null : outcome.logs,
      startedAt,
      outcome.ok ? 1 : 0,
    ],
  );
}
