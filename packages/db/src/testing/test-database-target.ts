import pg from 'pg';
import { type TestEnv, testEnv } from '../config/test-env.js';

/** A server the medium tests run on; `template` is the migrated database to clone, when prepared. */
export interface TestDatabaseTarget {
  name: 'postgres' | 'timescaledb';
  /** A URL of an existing database on that server (used to create and drop databases). */
  url: string;
  template?: string;
}

/** Set by the medium global setup: the targets with their migrated templates, as JSON. */
export const TEST_TARGETS_ENV = 'FLEET_TEST_DB_TARGETS';

const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';
const DEFAULT_TIMESCALE_URL = 'postgresql://postgres@127.0.0.1:5433/postgres';

/**
 * The servers to run medium tests on. Inside a medium run, the targets the global setup
 * prepared (with templates); otherwise it probes: PostgreSQL always, TimescaleDB when it
 * answers, and TimescaleDB is required (an error) when `CI` or `REQUIRE_TIMESCALE=1` is set.
 */
export async function testDatabaseTargets(env: TestEnv = testEnv()): Promise<TestDatabaseTarget[]> {
  const prepared = env[TEST_TARGETS_ENV];
  if (prepared) {
    return JSON.parse(prepared) as TestDatabaseTarget[];
  }
  return probeTestDatabaseTargets(env);
}

/**
 * The one server for tests of whole processes and their choreography (outages, kills, scale-out,
 * the access walk): TimescaleDB where it answers, as in production, else PostgreSQL. The SQL those
 * paths run is checked on both servers by the data layer's own tests; running the choreography
 * twice doubled the medium tier's longest files without checking anything new.
 */
export async function productionTestTargets(env: TestEnv = testEnv()): Promise<TestDatabaseTarget[]> {
  const targets = await testDatabaseTargets(env);
  const chosen = targets.find((t) => t.name === 'timescaledb') ?? targets[0];
  return chosen ? [chosen] : [];
}

export async function probeTestDatabaseTargets(env: TestEnv = testEnv()): Promise<TestDatabaseTarget[]> {
  const targets: TestDatabaseTarget[] = [
    { name: 'postgres', url: env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL },
  ];
  const timescaleUrl = env.TEST_TIMESCALE_URL || DEFAULT_TIMESCALE_URL;
  const required = isSet(env.CI) || env.REQUIRE_TIMESCALE === '1';
  const problem = await timescaleProblem(timescaleUrl);
  if (problem === undefined) {
    targets.push({ name: 'timescaledb', url: timescaleUrl });
  } else if (required) {
    throw new Error(
      `TimescaleDB is required here (CI or REQUIRE_TIMESCALE=1) but ${timescaleUrl} ${problem}. ` +
        'Start it with `bash scripts/timescaledb-up.sh` or point TEST_TIMESCALE_URL at one.',
    );
  }
  return targets;
}

function isSet(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Why the URL is not a usable TimescaleDB, or undefined when it is. */
async function timescaleProblem(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rowCount } = await client.query(
      "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'",
    );
    return rowCount ? undefined : 'answers but has no timescaledb extension';
  } catch (error) {
    return `does not answer (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => undefined);
  }
}
