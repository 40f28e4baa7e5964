// Whole-process test of the fleet view: a real database with 120 strings over 30 sites (bulk
// SQL), the built API and web app, Debian's chromium. Signs in as an installer, opens the fleet
// from the navigation, checks the virtualised table (total, row semantics, more rows on scroll,
// arrow keys), filters by state, saves the view, and opens a site from a row. Screenshots go to
// test-results/fleet-view/.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { type FleetTenant, seedFleetTenant } from './support/fleet-seed.js';
import { type FleetStack, startFleetStack } from './support/fleet-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/fleet-view`;
const WAIT = { timeout: 30_000 };
const STRINGS = 120;

async function signIn(page: Page, stack: FleetStack<FleetTenant>): Promise<void> {
  await page.goto(`${stack.webUrl}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(stack.seed.installer.email);
  await page.getByLabel('Password').fill(stack.seed.installer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(sites|fleet)$/);
}

/** The table: total over all pages, row indexes, more rows once scrolled to the end. */
async function checkTable(page: Page) {
  const table = page.getByTestId('fleet-table');
  expect(await table.getAttribute('aria-rowcount')).toBe(String(STRINGS + 1));
  expect(await page.getByTestId('fleet-total').textContent()).toBe(`${STRINGS} strings`);
  const first = page.getByTestId('fleet-row').first();
  expect(await first.getAttribute('aria-rowindex')).toBe('2');
  expect(await first.getByTestId('fleet-string-link').textContent()).toBe('String 00001');
  // Only the rows in view are in the DOM, not all 120.
  expect(await page.getByTestId('fleet-row').count()).toBeLessThan(STRINGS);
  await page.screenshot({ path: `${shots}/1-fleet.png`, fullPage: true });
  // Scrolled to the end, the next page loads below; keep scrolling until its last row shows.
  await page.waitForFunction(
    (last) => {
      const scroller = document.querySelector('[data-testid="fleet-scroller"]');
      scroller?.scrollTo(0, scroller.scrollHeight);
      return document.querySelector(`[data-testid="fleet-row"][aria-rowindex="${last}"]`) !== null;
    },
    STRINGS + 1,
    { ...WAIT, polling: 250 },
  );
  await page.getByTestId('fleet-scroller').evaluate((el) => el.scrollTo(0, 0));
}

/** Arrow keys move the focus from row to row. */
async function checkKeyboard(page: Page) {
  const focusedRow = () =>
    page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')));
  await page.getByTestId('fleet-string-link').first().focus();
  const start = await focusedRow();
  expect(start).toBeGreaterThanOrEqual(2);
  // Each press moves the focus one row down; the next press waits until the previous one landed
  // (the virtualised table may re-render the rows around the focus in between).
  for (const step of [1, 2]) {
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      (want) => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex') === want,
      String(start + step),
      WAIT,
    );
  }
  expect(await focusedRow()).toBe(start + 2);
}

/** Filter by state: the URL says so, every row is stale, the count changes. */
async function filterStale(page: Page) {
  await page.getByRole('checkbox', { name: 'Stale' }).check();
  await page.getByTestId('fleet-apply').click();
  await page.waitForURL(/status=stale/);
  await page.waitForFunction(
    () => {
      const rows = [...document.querySelectorAll('[data-testid="fleet-row"]')];
      return rows.length > 0 && rows.every((r) => r.getAttribute('data-status') === 'stale');
    },
    undefined,
    { ...WAIT, polling: 200 },
  );
  expect(await page.getByTestId('fleet-total').textContent()).toMatch(/^\d+ of your strings match$/);
  expect(await page.getByRole('checkbox', { name: 'Stale' }).isChecked()).toBe(true);
  await page.screenshot({ path: `${shots}/2-filtered.png`, fullPage: true });
}

async function saveView(page: Page) {
  await page.getByLabel('Name of the view').fill('Stale strings');
  await page.getByTestId('save-view').click();
  await page.getByTestId('saved-view').filter({ hasText: 'Stale strings' }).waitFor(WAIT);
  expect(await page.getByTestId('saved-view-message').textContent()).toBe('Saved “Stale strings”.');
}

describe('fleet view in the browser', () => {
  let stack: FleetStack<FleetTenant>;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    stack = await startFleetStack(root, (prisma, pool) =>
      seedFleetTenant(prisma, pool, { label: 'E2E Fleet', strings: STRINGS }),
    );
    browser = await launchChromium();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('lists, filters, saves a view and opens a site as an installer', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      await signIn(page, stack);
      await page
        .getByRole('navigation', { name: 'Main navigation' })
        .getByRole('link', { name: 'Fleet' })
        .click();
      await page.waitForURL(/\/fleet$/);
      await page.getByTestId('fleet-row').first().waitFor(WAIT);
      await checkTable(page);
      await checkKeyboard(page);
      await page.getByTestId('fleet-map').waitFor(WAIT);
      expect(await page.getByTestId('fleet-map-note').textContent()).toContain('No map tiles configured');
      await filterStale(page);
      await saveView(page);
      const row = page.getByTestId('fleet-row').first();
      const site = await row.getByTestId('fleet-site-link').textContent();
      await row.getByTestId('fleet-site-link').click();
      await page.waitForURL(/\/sites\/[0-9a-f-]{36}$/);
      await page.getByTestId('site-name').waitFor(WAIT);
      expect((await page.getByTestId('site-name').textContent())?.trim()).toBe(site);
      await page.screenshot({ path: `${shots}/3-site.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${String(error)}\n${stack.diagnostics()}`);
    } finally {
      await page.close();
    }
  }, 300_000);
});
