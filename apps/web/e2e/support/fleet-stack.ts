import { randomBytes } from 'node:crypto';
// biome-ignore lint/style/noRestrictedImports: the fleet e2e test and bench:web seed their own database
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { freePort, httpOk, type RunningProcess, run, startProcess, waitFor } from './processes.js';

export interface FleetStack<Seed> {
  webUrl: string;
  /** The API's origin, for processes that call it directly (a simulated gateway enrolling). */
  apiUrl: string;
  seed: Seed;
  diagnostics(): string;
  stop(): Promise<void>;
}

const node = process.execPath;

/** Compiles the API and the web app (production build) unless FLEET_E2E_SKIP_BUILD=1. */
async function build(root: string): Promise<void> {
  if (process.env.FLEET_E2E_SKIP_BUILD === '1') {
    return;
  }
  await run(node, ['node_modules/typescript/bin/tsc', '-b', 'apps/api', 'packages/ui'], { cwd: root });
  await run(node, [`${root}node_modules/next/dist/bin/next`, 'build'], {
    cwd: `${root}apps/web`,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  });
}

async function startApps(
  root: string,
  databaseUrl: string,
  children: RunningProcess[],
  diagnostics: () => string,
  apiEnv: Record<string, string>,
) {
  const [apiPort, webPort] = [await freePort(), await freePort()];
  children.push(
    startProcess('api', node, ['apps/api/dist/main.js'], {
      cwd: root,
      env: {
        DATABASE_URL: databaseUrl,
        API_PORT: String(apiPort),
        AUTH_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        ...apiEnv,
      },
    }),
  );
  await waitFor('the api', () => httpOk(`http://127.0.0.1:${apiPort}/api/health`), 60_000, diagnostics);
  const next = `${root}node_modules/next/dist/bin/next`;
  children.push(
    startProcess('web', node, [next, 'start', '-p', String(webPort), '-H', '127.0.0.1'], {
      cwd: `${root}apps/web`,
      // No MAP_TILE_URL: the map draws its markers on a plain background (nothing leaves the machine).
      env: { API_URL: `http://127.0.0.1:${apiPort}`, NEXT_TELEMETRY_DISABLED: '1', MAP_TILE_URL: '' },
    }),
  );
  const webUrl = `http://127.0.0.1:${webPort}`;
  await waitFor('the web app', () => httpOk(`${webUrl}/login`), 60_000, diagnostics);
  return { webUrl, apiUrl: `http://127.0.0.1:${apiPort}` };
}

/**
 * A fresh migrated database filled by `seed`, then the built API and web app (production build)
 * on free ports, both answering before this resolves. `apiEnv` adds to the API's environment
 * (e.g. the NATS account signing key the gateway claim test needs).
 */
export async function startFleetStack<Seed>(
  root: string,
  seed: (prisma: PrismaClient, pool: PgPool) => Promise<Seed>,
  apiEnv: Record<string, string> = {},
): Promise<FleetStack<Seed>> {
  await build(root);
  const [target] = await testing.testDatabaseTargets();
  if (!target) {
    throw new Error('no test database server (PostgreSQL on 127.0.0.1:5432 or TEST_DATABASE_URL)');
  }
  const db = await testing.createTestDatabase(target);
  const prisma = createPrismaClient(db.url);
  const pool = createPgPool(db.url, 2);
  const children: RunningProcess[] = [];
  const diagnostics = () => children.map((c) => `--- ${c.name} ---\n${c.output().slice(-4000)}`).join('\n');
  const stop = async () => {
    for (const child of children.reverse()) {
      await child.stop();
    }
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  };
  try {
    const seeded = await seed(prisma, pool);
    const urls = await startApps(root, db.url, children, diagnostics, apiEnv);
    return { ...urls, seed: seeded, diagnostics, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
