import { defineConfig } from 'vitest/config';

// Three tiers told apart by suffix (STYLE.md §17):
//   *.spec.ts         small: pure, fakes only, no network
//   *.medium.spec.ts  medium: the machine's real PostgreSQL/TimescaleDB and NATS
//   *.e2e.spec.ts     e2e: processes of the whole stack, a real browser
// Workspace packages resolve to their TypeScript sources through the "@fleet/source"
// export condition, so tests never run against a stale dist/.
// Only '@fleet/source' is added on top of Node's own conditions: vitest hands the SSR list to
// its workers as --conditions, and an 'import' there makes Node's require() of CJS packages
// (pg → pg-pool) load their ESM builds.
const resolve = { conditions: ['@fleet/source', 'node', 'development|production'] };
const exclude = ['**/node_modules/**', '**/dist/**', '**/.next/**'];

export default defineConfig({
  resolve,
  ssr: { resolve: { conditions: resolve.conditions, externalConditions: ['@fleet/source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'small',
          include: [
            '{apps,packages}/*/{src,test}/**/*.spec.{ts,tsx}',
            'scripts/test/**/*.spec.ts',
            // infra/aws (cdk synth) and infra/k8s (cdk8s render): their checks are small tests.
            'infra/*/test/**/*.spec.ts',
          ],
          exclude: [...exclude, '**/*.medium.spec.*', '**/*.e2e.spec.*'],
          // Small tests are pure and leave no global state behind (the two that stub fetch or the
          // clock undo it), so a worker may keep its module cache from file to file: importing
          // each file's graph afresh cost three times the tests' own run time.
          isolate: false,
          // The fuzz specs loop 100,000 inputs: CPU-bound, so a loaded CI machine can stretch
          // them past the 5 s default without anything being wrong.
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'medium',
          include: [
            '{apps,packages}/*/{src,test}/**/*.medium.spec.ts',
            'prisma/**/*.medium.spec.ts',
            'scripts/test/**/*.medium.spec.ts',
          ],
          exclude,
          globalSetup: ['packages/db/test/global-setup.ts'],
          // Files share a worker's module cache (Nest, Prisma, pg are imported once per worker, not
          // once per file: that import was a third of the tier's time). Every file builds its own
          // app, pools and databases, so nothing else carries over.
          isolate: false,
          // Medium tests mostly wait on PostgreSQL, NATS and child processes; on a 2-core machine
          // the default (one worker) left the cores idle half the time. Every medium test uses its
          // own database, consumer and subjects, so files may run side by side.
          maxWorkers: 3,
          // A deadline, not a timing check: the outage and crash tests take 30-50 s alone and
          // twice that on a loaded machine.
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['{apps,packages}/*/{src,test,e2e}/**/*.e2e.spec.ts', 'scripts/test/**/*.e2e.spec.ts'],
          exclude,
          globalSetup: ['apps/web/e2e/support/build-once.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
          // Every e2e file starts its own stack on free ports with its own database and data dir,
          // and spends most of its time waiting on page loads and child processes: two at a time.
          maxWorkers: 2,
        },
      },
    ],
  },
});
