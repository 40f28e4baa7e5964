// `npm start` on a machine with nothing on the PostgreSQL port: the launcher falls back to
// embedded PostgreSQL in its data folder, and a second start reuses that data.
import { chmodSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getJson, login, type SiteSummary } from './stack-api.js';
import {
  freePort,
  portOpen,
  type RunningStack,
  startNats,
  startStack,
  tempDir,
  waitUntil,
} from './stack-harness.js';

/** The body of GET /api/sites. */
type SiteList = { items: SiteSummary[] };

describe('npm start with no PostgreSQL to find', () => {
  let nats: Awaited<ReturnType<typeof startNats>>;
  let dataDir: string;
  let env: Record<string, string | undefined>;
  let stack: RunningStack | undefined;

  beforeAll(async () => {
    nats = await startNats();
    dataDir = tempDir('fleet-embedded-');
    chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user and must reach its folder
    env = {
      DATABASE_URL: undefined,
      NATS_URL: nats.url,
      FLEET_PG_PROBE_PORT: String(await freePort()), // nothing listens there
      EMBEDDED_PG_PORT: String(await freePort()),
    };
  });

  afterAll(async () => {
    await stack?.interrupt();
    await nats?.stop();
  });

  async function storedSamples(): Promise<number> {
    const client = new pg.Client({
      connectionString: `postgresql://postgres:fleet-embedded@127.0.0.1:${env.EMBEDDED_PG_PORT}/fleet`,
    });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM pack_sample');
      return Number(rows[0]?.n ?? 0);
    } finally {
      await client.end();
    }
  }

  it('runs the stack on embedded PostgreSQL and keeps its data across restarts', async () => {
    stack = await startStack(env, ['--data-dir', dataDir]);
    expect(stack.output()).toContain('using embedded PostgreSQL');
    let api = `http://127.0.0.1:${stack.ports.api}`;
    const firstSites = (await getJson<SiteList>(`${api}/api/sites?limit=200`, await login(api))).body.items;
    const stringId = firstSites[0]?.strings[0]?.id;
    expect(stringId).toBeDefined();
    const token = await login(api);
    await waitUntil('a stored sample', async () =>
      (await getJson(`${api}/api/strings/${stringId}/latest`, token)).status === 200 ? true : undefined,
    );
    expect(await stack.interrupt()).toBe(0);

    // Second start on the same data folder: no initdb, same tenant, the old samples still there.
    stack = await startStack(env, ['--data-dir', dataDir]);
    const samplesBefore = await storedSamples();
    expect(stack.output()).not.toContain('initialising embedded PostgreSQL');
    api = `http://127.0.0.1:${stack.ports.api}`;
    const secondSites = (await getJson<SiteList>(`${api}/api/sites?limit=200`, await login(api))).body.items;
    expect(secondSites.map((s) => s.id).sort()).toEqual(firstSites.map((s) => s.id).sort());
    expect(samplesBefore).toBeGreaterThan(0);
    await waitUntil('new samples after the restart', async () =>
      (await storedSamples()) > samplesBefore ? true : undefined,
    );

    // Ctrl-C stops the services first and the embedded server last, and leaves nothing behind.
    expect(await stack.interrupt()).toBe(0);
    stack = undefined;
    expect(await portOpen(Number(env.EMBEDDED_PG_PORT))).toBe(false);
  });
});
