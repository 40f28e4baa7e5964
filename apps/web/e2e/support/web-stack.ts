import { randomBytes } from 'node:crypto';
// biome-ignore lint/style/noRestrictedImports: the e2e tests seed their own database through the shared factories, as ingest would fill it
import { createPgPool, createPrismaClient, type PgPool, type PrismaClient } from '@fleet/db';
import * as testing from '@fleet/db/testing';
import { freePort, httpOk, type RunningProcess, startProcess, waitFor } from '@fleet/test-kit';

// What every browser test's stack has in common: a fresh migrated database, the built API and
// the built web app (production build) on free ports, and one way to stop it all. Each *-stack.ts
// beside this file only adds its own seed and extras (a private NATS, an SMTP sink, a simulator).
// The e2e project's global setup (build-once.ts) has compiled everything before any file starts.

const node = process.execPath;

export interface AppUrls {
  apiUrl: string;
  webUrl: string;
}

export interface StartAppsOptions {
  databaseUrl: string;
  /** Ports to use; free ones are picked when absent. */
  ports?: { api: number; web: number };
  /** Added to the API's environment; gets both URLs, since some settings name the web app. */
  apiEnv?: (urls: AppUrls) => Record<string, string>;
  /** Added to the web app's environment. */
  webEnv?: Record<string, string>;
  /** false: the API alone (tests that drive it over HTTP only). */
  web?: boolean;
}

/** The built API, then the built web app; both answer before this resolves. */
export async function startApiAndWeb(
  root: string,
  children: RunningProcess[],
  diagnostics: () => string,
  options: StartAppsOptions,
): Promise<AppUrls> {
  const ports = options.ports ?? { api: await freePort(), web: await freePort() };
  const urls = { apiUrl: `http://127.0.0.1:${ports.api}`, webUrl: `http://127.0.0.1:${ports.web}` };
  children.push(
    startProcess('api', node, ['apps/api/dist/main.js'], {
      cwd: root,
      env: {
        DATABASE_URL: options.databaseUrl,
        API_PORT: String(ports.api),
        AUTH_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        ...options.apiEnv?.(urls),
      },
    }),
  );
  await waitFor('the api', () => httpOk(`${urls.apiUrl}/api/health`), 60_000, diagnostics);
  if (options.web === false) {
    return urls;
  }
  children.push(
    startProcess(
      'web',
      node,
      [`${root}node_modules/next/dist/bin/next`, 'start', '-p', String(ports.web), '-H', '127.0.0.1'],
      {
        cwd: `${root}apps/web`,
        env: { API_URL: urls.apiUrl, NEXT_TELEMETRY_DISABLED: '1', ...options.webEnv },
      },
    ),
  );
  await waitFor('the web app', () => httpOk(`${urls.webUrl}/login`), 60_000, diagnostics);
  return urls;
}

/** The tail of each child's output, for failure messages. */
export function childDiagnostics(children: RunningProcess[]): () => string {
  return () => children.map((c) => `--- ${c.name} ---\n${c.output().slice(-4000)}`).join('\n');
}

export interface WebStack<Seed> extends AppUrls {
  seed: Seed;
  databaseUrl: string;
  prisma: PrismaClient;
  pool: PgPool;
  diagnostics(): string;
  stop(): Promise<void>;
}

export interface WebStackOptions<Seed, Extra> {
  /** Fills the fresh database before the apps start. */
  seed(prisma: PrismaClient, pool: PgPool): Promise<Seed>;
  /**
   * Starts what the apps need besides the database (a private NATS, an SMTP sink) after the seed;
   * its `stop` runs after the apps have stopped.
   */
  extras?: () => Promise<Extra & { stop?: () => Promise<void> }>;
  apiEnv?: (urls: AppUrls, extra: Extra) => Record<string, string>;
  webEnv?: Record<string, string>;
}

/** A fresh migrated database filled by `seed`, then the built API and web app on free ports. */
export async function startWebStack<Seed, Extra = Record<never, never>>(
  root: string,
  options: WebStackOptions<Seed, Extra>,
): Promise<WebStack<Seed> & { extra: Extra }> {
  const [target] = await testing.testDatabaseTargets();
  if (!target) {
    throw new Error('no test database server (PostgreSQL on 127.0.0.1:5432 or TEST_DATABASE_URL)');
  }
  const db = await testing.createTestDatabase(target);
  const prisma = createPrismaClient(db.url);
  const pool = createPgPool(db.url, 2);
  const children: RunningProcess[] = [];
  const diagnostics = childDiagnostics(children);
  let stopExtra: (() => Promise<void>) | undefined;
  const stop = async () => {
    for (const child of children.reverse()) {
      await child.stop();
    }
    await stopExtra?.();
    await prisma.$disconnect();
    await pool.end();
    await db.drop();
  };
  try {
    const seed = await options.seed(prisma, pool);
    const started = options.extras ? await options.extras() : ({} as Extra);
    stopExtra = (started as { stop?: () => Promise<void> }).stop;
    const urls = await startApiAndWeb(root, children, diagnostics, {
      databaseUrl: db.url,
      ...(options.apiEnv ? { apiEnv: (u: AppUrls) => options.apiEnv?.(u, started) ?? {} } : {}),
      ...(options.webEnv ? { webEnv: options.webEnv } : {}),
    });
    return { ...urls, seed, databaseUrl: db.url, prisma, pool, extra: started, diagnostics, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
