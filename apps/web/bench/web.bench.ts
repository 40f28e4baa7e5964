// bench:web — the fleet view at 100 and at 10,000 strings in one run (issue 9: less than 2x
// slower at 100x the fleet). One fresh database holds both organisations (bulk SQL: sites,
// strings, newest values, open alarms, 24 h of rollups); the API and the production build of the
// web app start once; Debian's chromium (playwright-core) signs in as each organisation's
// installer and measures, RUNS times each, median reported:
//   render: navigation to /fleet until the first table row is visible (server render included);
//   filter: click "Apply" with the state filter "Stale" until every shown row is a stale one;
//   sort: with the filter cleared, sort by completeness (ascending), click "Apply" until the shown
//     rows are in that order; then by SOH (descending), the same (both changes are samples).
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
  /** Sort changes: by completeness ascending, then by SOH descending, per round. */
  sortCompleteness: number[];
  sortSoh: number[];
}

/** The row cells (td, after the name's th) of the columns the bench sorts by. */
const COLUMN = { soh: 4, completeness: 5 } as const;

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
  // The installer lands on the fleet view (earlier: the site list).
  await page.waitForURL(/\/(sites|fleet)$/, WAIT);
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

/**
 * Sort by `sort` in `dir` (clearing the state filter), click on Apply to the URL naming the sort and
 * the shown rows being in its order by the column's numbers (rows without a value last).
 */
async function timeSort(
  page: Page,
  total: number,
  sort: keyof typeof COLUMN,
  dir: 'asc' | 'desc',
): Promise<number> {
  await page.getByRole('checkbox', { name: 'Stale' }).uncheck();
  await page.getByTestId('filter-sort').selectOption(sort);
  await page.locator('select[name="dir"]').selectOption(dir);
  const started = performance.now();
  await page.getByTestId('fleet-apply').click();
  await page.waitForFunction(
    ({ sort, dir, column, total }) => {
      const search = new URLSearchParams(location.search);
      if (search.get('sort') !== sort || (search.get('dir') ?? 'asc') !== dir || search.has('status')) {
        return false;
      }
      // The whole fleet again (the filtered rows before had a smaller total).
      const table = document.querySelector('[data-testid="fleet-table"]');
      if (table?.getAttribute('data-total') !== String(total)) {
        return false;
      }
      const values = [...document.querySelectorAll('[data-testid="fleet-row"]')].map((r) =>
        Number.parseFloat(r.querySelectorAll('td')[column]?.textContent?.replace(/[^0-9.-]/g, '') ?? ''),
      );
      return (
        values.length > 1 &&
        values.every((v, i) => {
          const next = values[i + 1];
          if (next === undefined || Number.isNaN(next)) {
            return true;
          }
          return !Number.isNaN(v) && (dir === 'asc' ? v <= next : v >= next);
        })
      );
    },
    { sort, dir, column: COLUMN[sort], total },
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
  await timeSort(page, tenant.strings, 'completeness', 'asc');
  await timeSort(page, tenant.strings, 'soh', 'desc');
  const result: Result = {
    strings: tenant.strings,
    render: [],
    filter: [],
    sortCompleteness: [],
    sortSoh: [],
  };
  for (let i = 0; i < RUNS; i++) {
    result.render.push(await timeRender(page, webUrl));
    result.filter.push(await timeFilter(page));
    result.sortCompleteness.push(await timeSort(page, tenant.strings, 'completeness', 'asc'));
    result.sortSoh.push(await timeSort(page, tenant.strings, 'soh', 'desc'));
  }
  await context.close();
  return result;
}

const sortRuns = (r: Result) => [...r.sortCompleteness, ...r.sortSoh];

function report(results: [Result, Result]) {
  const [small, large] = results;
  const ms = (values: number[]) => median(values).toFixed(0);
  const runs = (values: number[]) => values.map((v) => v.toFixed(0)).join(' ');
  const row = (r: Result) =>
    `| ${String(r.strings).padStart(6)} | ${ms(r.render).padStart(9)} | ${ms(r.filter).padStart(9)} | ` +
    `${ms(r.sortCompleteness).padStart(9)} | ${ms(r.sortSoh).padStart(9)} | ${runs(r.render)} | ` +
    `${runs(r.filter)} | ${runs(r.sortCompleteness)} | ${runs(r.sortSoh)} |`;
  console.log(`\nfleet view, median of ${RUNS} runs (ms)\n`);
  console.log(
    '| strings | render ms | filter ms | sort completeness ms | sort SOH ms | render runs | filter runs | sort completeness runs | sort SOH runs |',
  );
  console.log(
    '| ------: | --------: | --------: | -------------------: | ----------: | ----------- | ----------- | ---------------------- | ------------- |',
  );
  console.log(row(small));
  console.log(row(large));
  const ratio = (f: (r: Result) => number[]) => (median(f(large)) / median(f(small))).toFixed(2);
  // ratio_sort: both sort changes of all rounds as one sample set.
  console.log(
    `\nratio_render=${ratio((r) => r.render)} ratio_filter=${ratio((r) => r.filter)} ` +
      `ratio_sort=${ratio(sortRuns)} ratio_sort_completeness=${ratio((r) => r.sortCompleteness)} ` +
      `ratio_sort_soh=${ratio((r) => r.sortSoh)} ` +
      `render_100_ms=${ms(small.render)} render_10k_ms=${ms(large.render)} ` +
      `filter_100_ms=${ms(small.filter)} filter_10k_ms=${ms(large.filter)} ` +
      `sort_100_ms=${ms(sortRuns(small))} sort_10k_ms=${ms(sortRuns(large))}`,
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
