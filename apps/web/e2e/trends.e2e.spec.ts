// Trends page in a real browser: a string with eight days of hourly rollups and one six-hour
// hole, the built API and web app (support/trends-stack.ts), Debian's chromium.
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSiteTime } from '../src/lib/format/site-time';
import { launchChromium } from './support/chromium.js';
import { startTrendsStack, type TrendsStack } from './support/trends-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/trends`;
// The seeded site has the default zone, Europe/Berlin: every time on the page is on its clock.
const SITE_ZONE = 'Europe/Berlin';
const siteMinute = (d: Date) => formatSiteTime(d, SITE_ZONE, 'en');

async function withPage(
  browser: Browser,
  stack: TrendsStack,
  name: string,
  body: (page: Page) => Promise<void>,
) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  try {
    await body(page);
  } catch (error) {
    await page.screenshot({ path: `${shots}/failure-${name}.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
  } finally {
    await page.close();
  }
}

/** Opens the string page signed out, signs in (back to it through ?next=) and follows the trends link. */
async function openTrends(page: Page, stack: TrendsStack): Promise<void> {
  await page.goto(`${stack.webUrl}/strings/${stack.stringId}`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Email').fill(stack.user.email);
  await page.getByLabel('Password').fill(stack.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`/strings/${stack.stringId}$`));
  await page.getByTestId('trends-link').click();
  await page.waitForURL(new RegExp(`/strings/${stack.stringId}/trends`));
  await page.locator('[data-testid="plot-soh"] canvas').first().waitFor({ timeout: 60_000 });
}

async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** CSV: units in the header, one row per stored hour and none in the hole. PNG: the signature. */
async function expectDownloads(page: Page, stack: TrendsStack): Promise<void> {
  const csv = await download(page, 'export-csv');
  expect(csv.name).toMatch(/\.csv$/);
  const lines = csv.bytes.toString('utf8').trim().split('\r\n');
  expect(lines[0]).toMatch(/^bucket_start,samples,soh_pct,.*,cell_temp_min_dc,covered_s$/);
  expect(lines.length - 1).toBeGreaterThan(150);
  expect(lines.length - 1).toBeLessThanOrEqual(stack.hoursStored);
  expect(lines.some((l) => l.startsWith(stack.gap.from.toISOString()))).toBe(false);

  const png = await download(page, 'png-soh');
  expect(png.name).toMatch(/\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
}

/** Dark mode: the palette the charts read switches with the colour scheme. */
async function expectDarkPalette(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'dark' });
  const accent = await page.evaluate(() =>
    getComputedStyle(document.querySelector('main') as Element).getPropertyValue('--trend-1'),
  );
  expect(accent.trim()).toBe('#58a6ff');
  await page.screenshot({ path: `${shots}/4-trends-dark.png`, fullPage: true });
}

/** A mouse drag across a chart's plot area from one fraction of its width to another. */
async function dragAcross(page: Page, testId: string, from: number, to: number): Promise<void> {
  const over = page.locator(`[data-testid="${testId}"] .u-over`);
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  if (!box) {
    throw new Error('no plot area');
  }
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to, y, { steps: 8 });
  await page.mouse.up();
}

describe('trends page', () => {
  let stack: TrendsStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTrendsStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('charts a week from hourly rollups, names the gap, and exports CSV and PNG', async () => {
    await withPage(browser, stack, 'week', async (page) => {
      await openTrends(page, stack);
      expect(await page.getByTestId('trend-bucket').getAttribute('data-tier')).toBe('1h');
      expect(await page.getByTestId('trend-bucket').textContent()).toBe('Bucket: 1 hour');
      const summary = await page.getByTestId('completeness-summary').textContent();
      expect(summary).toMatch(/^Data complete 9\d\.\d\u00a0% of the range; 1 gap\.$/);
      expect(await page.getByTestId('gap-item').allTextContents()).toEqual([
        `${siteMinute(stack.gap.from)} – ${siteMinute(stack.gap.to)} (6 h)`,
      ]);
      expect(await page.getByTestId('range-zone').textContent()).toBe(
        "Times are on the site's clock (Europe/Berlin), as everywhere on this page.",
      );
      expect(await page.getByTestId('summary-soh').textContent()).toBe(
        'SOH: min 97\u00a0%, max 97\u00a0%, latest 97\u00a0%.',
      );
      // 8 modules × 2.4 kWh; the note says how cycles were derived
      expect(await page.getByTestId('chart-cycles').textContent()).toContain('19.2\u00a0kWh');

      await page.getByTestId('table-toggle-soh').click();
      expect(await page.getByTestId('table-soh').locator('tbody tr').count()).toBeGreaterThan(150);
      expect(await page.getByTestId('table-soh').locator('thead th').first().textContent()).toBe(
        'Time (Europe/Berlin)',
      );
      expect(await page.getByTestId('table-soh').locator('tbody th').first().textContent()).toMatch(
        /^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{2}:\d{2} CES?T$/,
      );
      await page.screenshot({ path: `${shots}/1-trends-week.png`, fullPage: true });

      await expectDownloads(page, stack);
      await expectDarkPalette(page);
    });
  });

  it('zooms by dragging into a finer bucket and compares with a string of the same site', async () => {
    await withPage(browser, stack, 'zoom', async (page) => {
      await openTrends(page, stack);
      await page.getByTestId('compare-add').filter({ hasText: 'String West' }).click();
      await page.waitForURL(new RegExp(`compare=${stack.siblingId}`));
      await page.locator('[data-testid="compare-chart"] canvas').first().waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('compare-summary').textContent()).toBe(
        'String East (this string): min 97\u00a0%, max 97\u00a0%, latest 97\u00a0%. String West: min 96\u00a0%, max 96\u00a0%, latest 96\u00a0%.',
      );
      await page.getByTestId('compare-search').fill('mill');
      expect(await page.getByTestId('compare-add').filter({ hasText: 'Mill Rack' }).count()).toBe(1);
      await page.screenshot({ path: `${shots}/2-compare.png`, fullPage: true });

      // Drag across the middle fifth of the SOH chart: about a day and a half, which the API serves in minutes.
      await dragAcross(page, 'plot-soh', 0.4, 0.6);
      await page.waitForURL(/from=.*&to=.*&compare=/);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="trend-bucket"]')?.getAttribute('data-tier') === '1m',
        undefined,
        { timeout: 30_000 },
      );
      // Only hourly rollups were seeded: the finer tier has nothing, and says so.
      await page.getByTestId('trends-empty').waitFor();
      expect(await page.getByTestId('trends-empty').textContent()).toBe('No data in this range.');
      await page.screenshot({ path: `${shots}/3-zoomed.png`, fullPage: true });
    });
  });
});
