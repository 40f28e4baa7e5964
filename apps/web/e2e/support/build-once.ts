import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '@fleet/test-kit';

// Vitest global setup of the e2e project: compiles every process the e2e stacks start, once per
// run, before any file starts. Files run two at a time, and two `next build`s in one app folder
// refuse each other, so no stack builds on its own. `npm test` has just built everything and sets
// FLEET_E2E_SKIP_BUILD=1; set it yourself right after `npm run build`.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const node = process.execPath;

export async function setup(): Promise<void> {
  if (process.env.FLEET_E2E_SKIP_BUILD === '1') {
    return;
  }
  const projects = ['apps/api', 'apps/ingest', 'apps/simulator', 'apps/edge-agent', 'packages/ui'];
  process.stdout.write(`e2e: compiling ${projects.join(', ')} and the web app (once for this run)\n`);
  await run(node, ['node_modules/typescript/bin/tsc', '-b', ...projects], { cwd: root });
  await run(node, [`${root}/node_modules/next/dist/bin/next`, 'build'], {
    cwd: `${root}/apps/web`,
    env: { NEXT_TELEMETRY_DISABLED: '1' },
  });
  // The workers start after this and inherit the environment: the stacks need not check again.
  process.env.FLEET_E2E_SKIP_BUILD = '1';
}
