// bench:web — the fleet view at 100 and at 10,000 strings in one run (issue 9: less than 2x
// slower at 100x the fleet). One fresh database holds both organisations (bulk SQL: sites,
// strings, newest values, open alarms, 24 h of rollups); the API and the production build of the
// web app start once; Debian's chromium (playwright-core) signs in as each organisation's
// installer and measures, RUNS times each, median reported:
//   render: navigation to /fleet until the first table row is visible (server render included);
//   filter: click "Apply" with the state filter "Stale" until every shown row is a stale one.
// Run under the web build lock: `flock /tmp/web.lock npm run bench:web` (FLEET_E2E_SKIP_BUILD=1
// right after a build skips compiling).
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../e2e/support/chromium.js';
import { type FleetTenant, seedFleetTenant } from '../e2e/support/fleet-seed.js';
import { startFleetStack } from '../e2e/support/fleet-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const RUNS = 7;
const WAIT = { timeout: 60_000 };

interface Result {
  strings: number;
  render: number[];
  filter: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function signIn(page: Page, webUrl: string, who: FleetTenant['installer']) {
  await page.goto(`${webUrl}/login`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/sites$/, WAIT);
}

/** Navigation start to the first row visible. */
async function timeRender(page: Page, webUrl: string): Promise<number> {
  const started = performance.now();
  await page.goto(`${webUrl}/fleet`, { waitUntil: 'commit' });
  await page
    .getByTestId('fleet-row')
    .first()
    .waitFor({ state: 'visible', ...WAIT });
  return performance.now() - started;
}

/** Click on Apply to every shown row being stale (the rows were of every state before). */
async function timeFilter(page: Page): Promise<number> {
  await page.getByRole('checkbox', { name: 'Stale' }).check();
  const started = performance.now();
  await page.getByTestId('fleet-apply').click();
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('[data-testid="fleet-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-status') === 'stale');
    },
    undefined,
    { ...WAIT, polling: 'raf' },
  );
  return performance.now() - started;
}

async function measure(browser: Browser, webUrl: string, tenant: FleetTenant): Promise<Result> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signIn(page, webUrl, tenant.installer);
  // One unmeasured round warms the server's caches and chromium's, for both tenants alike.
  await timeRender(page, webUrl);
  await timeFilter(page);
  const result: Result = { strings: tenant.strings, render: [], filter: [] };
  for (let i = 0; i < RUNS; i++) {
    result.render.push(await timeRender(page, webUrl));
    result.filter.push(await timeFilter(page));
  }
  await context.close();
  return result;
}

function report(results: [Result, Result]) {
  const [small, large] = results;
  const row = (r: Result) =>
    `| ${String(r.strings).padStart(6)} | ${median(r.render).toFixed(0).padStart(9)} | ${median(r.filter).toFixed(0).padStart(9)} | ${r.render.map((v) => v.toFixed(0)).join(' ')} | ${r.filter.map((v) => v.toFixed(0)).join(' ')} |`;
  console.log(`\nfleet view, median of ${RUNS} runs (ms)\n`);
  console.log('| strings | render ms | filter ms | render runs | filter runs |');
  console.log('| ------: | --------: | --------: | ----------- | ----------- |');
  console.log(row(small));
  console.log(row(large));
  const ratio = (f: (r: Result) => number[]) => (median(f(large)) / median(f(small))).toFixed(2);
  console.log(
    `\nratio_render=${ratio((r) => r.render)} ratio_filter=${ratio((r) => r.filter)} ` +
      `render_100_ms=${median(small.render).toFixed(0)} render_10k_ms=${median(large.render).toFixed(0)} ` +
      `filter_100_ms=${median(small.filter).toFixed(0)} filter_10k_ms=${median(large.filter).toFixed(0)}`,
  );
}

async function main() {
  const seeding = performance.now();
  const stack = await startFleetStack(root, async (prisma, pool) => ({
    small: await seedFleetTenant(prisma, pool, { label: 'Fleet 100', strings: 100 }),
    large: await seedFleetTenant(prisma, pool, { label: 'Fleet 10k', strings: 10_000 }),
  }));
  console.log(`stack ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
  const browser = await launchChromium();
  try {
    const small = await measure(browser, stack.webUrl, stack.seed.small);
    const large = await measure(browser, stack.webUrl, stack.seed.large);
    report([small, large]);
  } catch (error) {
    console.error(stack.diagnostics());
    throw error;
  } finally {
    await browser.close();
    await stack.stop();
  }
}

await main();
