// Medium-tier global setup (vitest.config.ts): once per run, a migrated template database on
// each target server, so every test file clones a fresh database in milliseconds.
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import {
  createMigratedTemplate,
  dropDatabase,
  dropStaleTestDatabases,
  probeTestDatabaseTargets,
  TEST_TARGETS_ENV,
  type TestDatabaseTarget,
} from '../src/testing/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    fleetDbTargets: TestDatabaseTarget[];
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const targets = await probeTestDatabaseTargets();
  const prepared: TestDatabaseTarget[] = [];
  for (const target of targets) {
    await dropStaleTestDatabases(target.url);
    prepared.push({ ...target, template: await createMigratedTemplate(target) });
  }
  // Both channels: env reaches helpers that do not import vitest (testDatabaseTargets()).
  process.env[TEST_TARGETS_ENV] = JSON.stringify(prepared);
  project.provide('fleetDbTargets', prepared);
  console.log(`medium: migrated templates on ${prepared.map((t) => `${t.name} (${t.template})`).join(', ')}`);
  return async () => {
    for (const target of prepared) {
      await dropDatabase(target.url, target.template!);
    }
  };
}
