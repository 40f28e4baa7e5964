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
  await page.goto(`${stack.webUrl}/`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(stack.user.email);
  await page.getByLabel('Password').fill(stack.user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/sites$/);
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
    await stack.insertSample({
      ts: new Date(Date.now() - 1000),
      packVoltageDv: 2469,
      packCurrentDa: -120,
      socPct: 46,
      cellMaxMv: 3350,
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(page, stack);
      await page.getByText('Harbour Depot').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('string-link').count()).toBe(1);
      await page.screenshot({ path: `${shots}/1-sites.png`, fullPage: true });

      await page.getByRole('link', { name: /String East/ }).click();
      await page.waitForURL(new RegExp(`/strings/${stack.stringId}$`));
      await waitForText(page, 'pack-voltage', '246.9 V');
      expect(await text(page, 'pack-current')).toBe('-12.0 A');
      expect(await text(page, 'current-direction')).toBe('discharging');
      expect(await text(page, 'soc')).toBe('46 %');
      expect(await text(page, 'soh')).toBe('98 %');
      expect(await text(page, 'bms-temp')).toBe('18.1 °C');
      expect(await text(page, 'cell-max')).toBe('3350 mV');
      expect(await text(page, 'cell-min')).toBe('3301 mV');
      expect(await text(page, 'cell-spread')).toBe('49 mV');
      expect(await text(page, 'state')).toBe('discharge');
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
      await waitForText(page, 'pack-voltage', '247.5 V');
      expect(await text(page, 'pack-current')).toBe('+5.5 A');
      expect(await text(page, 'current-direction')).toBe('charging');
      expect(await text(page, 'soc')).toBe('47 %');
      expect(await text(page, 'cell-spread')).toBe('55 mV');
      expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
      await page.screenshot({ path: `${shots}/3-string-updated.png`, fullPage: true });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: `${shots}/4-string-phone.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    } finally {
      await page.close();
    }
  });
});
