// The fleet list's SQL at 100 and 10,000 strings, every sort × direction × filter (issue 9):
//   node --conditions=@fleet/source --import tsx apps/web/bench/fleet-list.bench.ts [--explain] [--postgres]
// One fresh migrated database on TimescaleDB (TEST_TIMESCALE_URL, default 5433; --postgres: 5432),
// filled by bench:web's seed (apps/web/e2e/support/fleet-seed.ts), dropped at the end. Each
// combination runs FleetRepository.list as the API does (ScopedPool, role fleet_app under row-level
// security): the first page of 100 and the page after it (cursor), median of RUNS each, and prints
// the slowest. --explain prints EXPLAIN (ANALYZE, BUFFERS) of the first page of every sort at 10k.
// biome-ignore lint/style/noRestrictedImports: measures the API's SQL below HTTP, on its own seeded database
import * as fleetDb from '@fleet/db';
import { createTestDatabase, probeTestDatabaseTargets } from '@fleet/db/testing';
import { seedFleetTenant } from '../e2e/support/fleet-seed.js';

const RUNS = 5;
const SORTS: fleetDb.FleetListSort[] = ['name', 'severity', 'soc', 'soh', 'completeness', 'lastSeen'];
const target = process.argv.includes('--postgres') ? 'postgres' : 'timescaledb';
const explain = process.argv.includes('--explain');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** A pool that runs EXPLAIN ANALYZE of the page query (the first statement with LIMIT) instead. */
function explainingPool(pool: fleetDb.PgPool, plans: string[]): fleetDb.PgPool {
  return {
    query: async (config: { text: string; values: unknown[] }) => {
      if (!/ LIMIT \$/.test(config.text)) {
        return pool.query(config);
      }
      const { rows } = await pool.query<{ 'QUERY PLAN': string }>({
        text: `EXPLAIN (ANALYZE, BUFFERS) ${config.text}`,
        values: config.values,
      });
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
      return { rows: [] };
    },
  } as unknown as fleetDb.PgPool;
}

async function main() {
  const [server] = (await probeTestDatabaseTargets()).filter((t) => t.name === target);
  if (!server) {
    throw new Error(`${target} does not answer`);
  }
  const db = await createTestDatabase(server);
  const owner = fleetDb.createPgPool(db.url);
  const prisma = fleetDb.createPrismaClient(db.url);
  let scope: fleetDb.AccessScope = { orgId: null, siteIds: [] };
  const scoped = new fleetDb.ScopedPool({ connectionString: db.url, max: 4 }, () => scope);
  try {
    const started = performance.now();
    const small = await seedFleetTenant(prisma, owner, { label: 'Fleet 100', strings: 100 });
    const large = await seedFleetTenant(prisma, owner, { label: 'Fleet 10k', strings: 10_000 });
    console.log(`seeded in ${((performance.now() - started) / 1000).toFixed(1)} s (${target})`);
    const { rows: sites } = await owner.query<{ id: string }>(
      'SELECT id FROM site WHERE tenant_id = $1 ORDER BY name LIMIT 3',
      [large.tenantId],
    );
    const filters: Record<string, fleetDb.FleetListFilters> = {
      none: {},
      stale: { statuses: ['stale'] },
      'offline+stale': { statuses: ['offline', 'stale'] },
      critical: { severities: ['critical'] },
      'open alarm': { hasOpenAlarm: true },
      'no alarm': { hasOpenAlarm: false },
      'q=00012': { q: '00012' },
      '3 sites': { siteIds: sites.map((s) => s.id) },
    };
    const repo = new fleetDb.FleetRepository(scoped);
    const time = async (options: fleetDb.FleetListOptions) => {
      const t0 = performance.now();
      const page = await repo.list(scope, options);
      return { ms: performance.now() - t0, page };
    };
    const results: { tenant: number; combo: string; first: number; next: number }[] = [];
    for (const tenant of [small, large]) {
      scope = { orgId: tenant.tenantId, siteIds: [] };
      for (const sort of SORTS) {
        for (const dir of ['asc', 'desc'] as const) {
          for (const [label, f] of Object.entries(filters)) {
            const first: number[] = [];
            const next: number[] = [];
            for (let i = 0; i < RUNS; i++) {
              const a = await time({ sort, dir, filters: f });
              first.push(a.ms);
              if (a.page.nextCursor) {
                next.push((await time({ sort, dir, filters: f, cursor: a.page.nextCursor })).ms);
              }
            }
            results.push({
              tenant: tenant.strings,
              combo: `${sort} ${dir} ${label}`,
              first: median(first),
              next: next.length ? median(next) : 0,
            });
          }
        }
      }
    }
    console.log('\n| strings | sort dir filter | first page ms | next page ms |');
    console.log('| ------: | --------------- | ------------: | -----------: |');
    for (const r of results) {
      console.log(
        `| ${String(r.tenant).padStart(6)} | ${r.combo.padEnd(30)} | ${r.first.toFixed(1).padStart(8)} | ${r.next.toFixed(1).padStart(8)} |`,
      );
    }
    const worst = (n: number) =>
      results
        .filter((r) => r.tenant === n)
        .reduce((a, b) => (Math.max(b.first, b.next) > Math.max(a.first, a.next) ? b : a));
    const w100 = worst(100);
    const w10k = worst(10_000);
    console.log(
      `\nworst_100=${w100.combo.replaceAll(' ', '/')}:${Math.max(w100.first, w100.next).toFixed(0)}ms ` +
        `worst_10k=${w10k.combo.replaceAll(' ', '/')}:${Math.max(w10k.first, w10k.next).toFixed(0)}ms`,
    );
    if (explain) {
      scope = { orgId: large.tenantId, siteIds: [] };
      for (const sort of SORTS) {
        const plans: string[] = [];
        await new fleetDb.FleetRepository(explainingPool(scoped, plans))
          .list(scope, { sort })
          .catch(() => undefined);
        console.log(`\n--- ${sort} (10k, first page)\n${plans.join('\n')}`);
      }
    }
  } finally {
    await scoped.end();
    await owner.end();
    await prisma.$disconnect();
    await db.drop();
  }
}

await main();
