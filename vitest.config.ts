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
          include: ['{apps,packages}/*/{src,test}/**/*.spec.{ts,tsx}', 'scripts/test/**/*.spec.ts'],
          exclude: [...exclude, '**/*.medium.spec.*', '**/*.e2e.spec.*'],
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
          // Medium tests mostly wait on PostgreSQL, NATS and child processes; on a 2-core machine
          // the default (one worker) left the cores idle half the time. Every medium test uses its
          // own database, consumer and subjects, so files may run side by side.
          maxWorkers: 3,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['{apps,packages}/*/{src,test,e2e}/**/*.e2e.spec.ts', 'scripts/test/**/*.e2e.spec.ts'],
          exclude,
          testTimeout: 180_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
