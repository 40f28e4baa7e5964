// The site view in a browser: a site whose newest cell snapshot has one weak cell, the built API and
// web app, Debian's chromium. The heatmap must mark exactly that cell, by more than colour.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { type SiteViewStack, startSiteViewStack } from './support/site-view-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/site-view`;

async function signIn(page: Page, stack: SiteViewStack, button = 'Sign in'): Promise<void> {
  await page.goto(`${stack.webUrl}/sites/${stack.siteId}?date=${stack.energyDay}`);
  await page.waitForURL(/\/login/);
  await page.locator('input[name="email"]:not([type="hidden"])').fill(stack.user.email);
  await page.locator('input[name="password"]:not([type="hidden"])').fill(stack.user.password);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(new RegExp(`/sites/${stack.siteId}`));
}

const focusedCell = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { pos: el?.getAttribute('data-pos'), label: el?.getAttribute('aria-label') };
  });

describe('site view', () => {
  let stack: SiteViewStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startSiteViewStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('marks exactly the weak cell of the newest snapshot, reachable by keyboard', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await signIn(page, stack);
      await page.getByTestId('heatmap').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('site-name').textContent()).toBe('Hillside Farm');
      expect(await page.getByTestId('mbms-group').textContent()).toContain('MBMS1000 Rack A');

      const marked = page.locator('[data-outlier="true"]');
      expect(await marked.count()).toBe(1);
      const { module, cell } = stack.weak;
      expect(await marked.getAttribute('data-pos')).toBe(`${module}:${cell}`);
      expect(await marked.getAttribute('aria-label')).toMatch(
        /^Module 4, cell 7: 3257\u00a0mV, outlier: \d+\u00a0mV below the string median$/,
      );
      expect(await marked.textContent()).toBe('▼3257');
      expect(await page.getByTestId('outlier-count').textContent()).toBe('1 outlier');
      expect(await page.getByTestId('heat-cell').count()).toBe(8 * 15);
      expect(await page.getByTestId('module-row').count()).toBe(8);
      await page.waitForFunction(
        () => document.querySelector('[data-testid="live-soc"]')?.textContent === '63\u00a0%',
      );
      expect(await page.getByTestId('energy-totals').textContent()).toContain('2.0\u00a0kWh');
      expect(await page.getByTestId('no-cells').textContent()).toContain('No cell snapshot yet');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `${shots}/1-site-view.png`, fullPage: true });

      // Keyboard: the first cell is in the tab order; the arrows walk to the weak one.
      await page.locator('[data-pos="0:0"]').focus();
      for (let i = 0; i < module; i++) {
        await page.keyboard.press('ArrowDown');
      }
      for (let i = 0; i < cell; i++) {
        await page.keyboard.press('ArrowRight');
      }
      const focused = await focusedCell(page);
      expect(focused.pos).toBe(`${module}:${cell}`);
      expect(focused.label).toContain('outlier');
      await page.screenshot({ path: `${shots}/2-heatmap-focus.png` });

      // Temperatures: four sensors per module, none far from the median.
      await page.getByTestId('heatmap-mode-temperature').check();
      await page.getByRole('columnheader', { name: 'Sensor 4' }).waitFor();
      expect(await page.locator('[data-outlier="true"]').count()).toBe(0);
      await page.screenshot({ path: `${shots}/3-heatmap-temperature.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    } finally {
      await page.close();
    }
  });

  it('reads in German, dark, on a phone, with no serious accessibility violations', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'de-DE',
      colorScheme: 'dark',
    });
    const page = await context.newPage();
    try {
      await signIn(page, stack, 'Anmelden');
      await page.getByTestId('heatmap').waitFor({ timeout: 30_000 });
      expect(await page.locator('[data-outlier="true"]').getAttribute('aria-label')).toMatch(
        /^Modul 4, Zelle 7: 3257\u00a0mV, Ausreißer: \d+\u00a0mV unter dem Median des Strings$/,
      );
      expect(await page.getByTestId('outlier-count').textContent()).toBe('1 Ausreißer');
      expect(await seriousViolations(page)).toEqual([]);
      // Nothing pushes the page sideways: wide parts (heatmap, modules table) scroll in their own box.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await page.screenshot({ path: `${shots}/4-site-view-de-dark-phone.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure-phone.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    } finally {
      await context.close();
    }
  });
});
