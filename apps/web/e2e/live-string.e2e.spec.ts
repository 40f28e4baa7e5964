// Whole-process test of the read path: a real PostgreSQL database, the built API
// (node apps/api/dist/main.js), the built web app (next start) and Debian's chromium.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { type ReadPathStack, startReadPathStack } from './support/read-path-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/live-string`;

const text = (page: Page, testId: string) => page.getByTestId(testId).textContent();

/** Waits (polling in the page) until an element shows exactly `expected`. */
function waitForText(page: Page, testId: string, expected: string) {
  return page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want,
    [testId, expected] as const,
    { timeout: 30_000, polling: 250 },
  );
}

async function signIn(page: Page, stack: ReadPathStack): Promise<void> {
  await page.goto(`${stack.webUrl}/sites`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(stack.user.email);
  await page.getByLabel('Password').fill(stack.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/sites$/);
}

/** A fresh browser context per test; on failure a screenshot and the children's output. */
async function withPage(
  browser: Browser,
  stack: ReadPathStack,
  name: string,
  body: (page: Page) => Promise<void>,
) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await body(page);
  } catch (error) {
    await page.screenshot({ path: `${shots}/failure-${name}.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
  } finally {
    await page.close();
  }
}

/** Values are written here with a plain space; the page puts a no-break space before the unit. */
const withUnitSpace = (value: string) => value.replace(' ', '\u00a0');

async function expectValues(page: Page, written: Record<string, string>): Promise<void> {
  const expected = Object.fromEntries(Object.entries(written).map(([id, v]) => [id, withUnitSpace(v)]));
  const [[firstId, firstText], ...rest] = Object.entries(expected) as [
    [string, string],
    ...[string, string][],
  ];
  // The first value is polled for (it may still be loading or updating); the rest then hold.
  await waitForText(page, firstId, firstText);
  for (const [testId, want] of rest) {
    expect(await text(page, testId), testId).toBe(want);
  }
}

describe('live string page', () => {
  let stack: ReadPathStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startReadPathStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('signs in, opens the string from the sites list and follows new samples without a reload', async () => {
    const older = new Date(Date.now() - 1000);
    await stack.insertSample({
      ts: older,
      packVoltageDv: 2469,
      packCurrentDa: -120,
      socPct: 46,
      cellMaxMv: 3350,
    });
    await withPage(browser, stack, 'live', async (page) => {
      await signIn(page, stack);
      await page.getByText('Harbour Depot').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('string-link').count()).toBe(2);
      await page.screenshot({ path: `${shots}/1-sites.png`, fullPage: true });

      await page.getByRole('link', { name: /String East/ }).click();
      await page.waitForURL(new RegExp(`/strings/${stack.stringId}$`));
      await expectValues(page, {
        'pack-voltage': '246.9 V',
        'pack-current': '-12.0 A',
        'current-direction': 'discharging',
        soc: '46 %',
        soh: '98 %',
        'bms-temp': '18.1 °C',
        'cell-max': '3350 mV',
        'cell-min': '3301 mV',
        'cell-spread': '49 mV',
        state: 'discharge',
      });
      await page.screenshot({ path: `${shots}/2-string.png`, fullPage: true });

      // A marker in the page's JS world survives client-side updates but not a reload.
      await page.evaluate(() => Object.assign(window, { __noReload: true }));
      await stack.insertSample({
        ts: new Date(),
        packVoltageDv: 2475,
        packCurrentDa: 55,
        socPct: 47,
        cellMaxMv: 3356,
      });
      await expectValues(page, {
        'pack-voltage': '247.5 V',
        'pack-current': '+5.5 A',
        'current-direction': 'charging',
        soc: '47 %',
        'cell-spread': '55 mV',
      });
      expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
      await page.screenshot({ path: `${shots}/3-string-updated.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/4-string-phone.png`, fullPage: true });
    });
  });

  it('keeps a visitor out until signed in, reports a wrong password, then shows "no data yet"', async () => {
    await withPage(browser, stack, 'gate', async (page) => {
      await page.goto(`${stack.webUrl}/strings/${stack.silentStringId}`);
      await page.waitForURL(/\/login\?next=/);
      await page.getByLabel('Email').fill(stack.user.email);
      await page.getByLabel('Password').fill(`${stack.user.password}-wrong`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await waitForText(page, 'login-error', 'Invalid email or password.');
      await page.screenshot({ path: `${shots}/5-login-error.png`, fullPage: true });

      await page.getByLabel('Password').fill(stack.user.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(new RegExp(`/strings/${stack.silentStringId}$`));
      await page.getByTestId('no-data').waitFor({ timeout: 30_000 });
      expect(await text(page, 'string-name')).toBe('String West');
      await page.screenshot({ path: `${shots}/6-no-data.png`, fullPage: true });
    });
  });
});
