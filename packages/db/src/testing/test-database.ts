import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { migrateDatabase } from '../migrate/migrate-database.js';
import type { TestDatabaseTarget } from './test-database-target.js';

export interface TestDatabase {
  name: string;
  url: string;
  target: TestDatabaseTarget;
  drop(): Promise<void>;
}

const TEST_PREFIX = 'fleet_test_';
const TEMPLATE_PREFIX = 'fleet_tpl_';

/**
 * A fresh, uniquely named, migrated database on the target: a clone of the template the
 * global setup migrated (milliseconds), or created and migrated here when there is none;
 * `{ migrated: false }` gives an empty database.
 */
export async function createTestDatabase(
  target: TestDatabaseTarget,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const name = uniqueDatabaseName(TEST_PREFIX);
  const url = databaseUrl(target.url, name);
  if (options.migrated === false) {
    // Empty, for tests of the migrator itself.
    await withServer(target.url, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
  } else if (target.template) {
    await cloneDatabase(target.url, target.template, name);
  } else {
    await withServer(target.url, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
    await migrateDatabase({ databaseUrl: url });
  }
  return { name, url, target, drop: () => dropDatabase(target.url, name) };
}

/** Creates and migrates the database test databases are cloned from; returns its name. */
export async function createMigratedTemplate(
  target: TestDatabaseTarget,
  migrationsDir?: string,
): Promise<string> {
  const name = uniqueDatabaseName(TEMPLATE_PREFIX);
  await withServer(target.url, (c) => c.query(`CREATE DATABASE ${ident(name)}`));
  await migrateDatabase({ databaseUrl: databaseUrl(target.url, name), migrationsDir });
  return name;
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withServer(serverUrl, async (c) => {
    // Pools that were just closed may still be saying goodbye; terminating them mid-close makes
    // their clients emit an unhandled error in the test process. Give them a moment first.
    for (let i = 0; i < 40; i++) {
      const { rows } = await c.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      if (rows[0]?.n === 0) {
        break;
      }
      await sleep(50);
    }
    // FORCE: a test that forgot to close a pool must not leave its database behind.
    await c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`);
  });
}

/** Drops test databases of earlier runs that died before their teardown (name holds the time). */
export async function dropStaleTestDatabases(
  serverUrl: string,
  olderThanMs = 6 * 3600_000,
): Promise<string[]> {
  const { rows } = await withServer(serverUrl, (c) =>
    c.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'fleet\\_test\\_%' OR datname LIKE 'fleet\\_tpl\\_%'",
    ),
  );
  const stale = rows
    .map((r) => r.datname)
    .filter((n) => {
      const born = Number.parseInt(n.split('_')[2] ?? '', 36);
      return Number.isFinite(born) && Date.now() - born > olderThanMs;
    });
  for (const name of stale) {
    await dropDatabase(serverUrl, name);
  }
  return stale;
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function cloneDatabase(serverUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await withServer(serverUrl, (c) =>
        c.query(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`),
      );
      return;
    } catch (error) {
      // 55006: the template has another session (e.g. a TimescaleDB background worker).
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) {
        throw error;
      }
      await sleep(100 * attempt);
    }
  }
}

async function withServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function uniqueDatabaseName(prefix: string): string {
  return `${prefix}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
