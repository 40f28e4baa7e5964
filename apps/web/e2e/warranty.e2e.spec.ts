// Warranty life in a real browser: an org admin enters terms (none ship with Fleet), gives the
// site a region and the string its commissioning day, and the string's warranty page then shows
// time, throughput and SOH against the terms and the one seeded excursion (support/warranty-stack.ts).
// The same admin previews the weekly fleet report (issue 10) in English and in German.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSiteDate } from '../src/lib/format/site-time';
import { launchChromium } from './support/chromium.js';
import { startWarrantyStack, type WarrantyStack } from './support/warranty-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/warranty`;
const NBSP = '\u00a0';

async function signInAt(page: Page, stack: WarrantyStack, path: string): Promise<void> {
  await page.goto(`${stack.webUrl}${path}`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Email').fill(stack.admin.email);
  await page.getByLabel('Password').fill(stack.admin.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`${path}$`));
}

/** Enters terms through the form: one mistake first (shown on its field), then valid values. */
async function enterTerms(page: Page): Promise<void> {
  expect(await page.getByTestId('terms-empty').textContent()).toContain('manufacturer’s warranty documents');
  await page.getByLabel('Region code').fill('E');
  await page.getByLabel('Term (years)').fill('10');
  await page.getByLabel('Throughput cap (MWh per kWh of nominal capacity)').fill('3');
  await page.getByLabel('Retained capacity at the end of the term (%)').fill('70');
  await page.getByLabel('Lowest cell temperature (°C)').fill('0');
  await page.getByLabel('Highest cell temperature (°C)').fill('50');
  await page.getByLabel('Valid from (for strings commissioned on or after)').fill('2020-01-01');
  await page.getByLabel('Source document').fill('E2E test terms, not a manufacturer document');
  await page.getByTestId('terms-save').click();
  await page.getByTestId('region-error').waitFor();
  expect(await page.getByTestId('region-error').textContent()).toBe(
    'Use 2 to 10 letters, digits or -, e.g. EU.',
  );
  await page.screenshot({ path: `${shots}/1-terms-form-error.png`, fullPage: true });
  await page.getByLabel('Region code').fill('EU');
  await page.getByTestId('terms-save').click();
  await page.waitForURL(/\/warranty-terms\?saved=1$/);
  expect(await page.getByTestId('terms-row').count()).toBe(1);
  expect(await page.getByTestId('terms-row').first().textContent()).toContain('EU');
  await page.screenshot({ path: `${shots}/2-terms-list.png`, fullPage: true });
}

/** The weekly fleet report's preview, reached from the navigation, in English and then in German. */
async function previewWeeklyReport(page: Page, stack: WarrantyStack): Promise<void> {
  await signInAt(page, stack, '/fleet');
  await page.getByRole('link', { name: 'Weekly report' }).click();
  await page.waitForURL(/\/reports\/weekly$/);
  expect(await page.getByRole('link', { name: 'Weekly report' }).getAttribute('aria-current')).toBe('page');
  const mail = page.frameLocator('[data-testid="report-preview"]');
  expect(await mail.locator('h1').textContent()).toMatch(/^Weekly fleet report \d{4}-W\d{2} — /);
  expect(await mail.locator('h2').allTextContents()).toEqual([
    'New findings',
    'Strings needing a visit',
    'Offline sites',
    'Data completeness',
  ]);
  // The seeded site has never sent a sample: offline since "never".
  expect(await mail.locator('tr', { hasText: 'Harbour Depot' }).first().textContent()).toContain('never');
  await page.screenshot({ path: `${shots}/4-weekly-report.png`, fullPage: true });

  await page.context().addCookies([{ name: 'fleet_locale', value: 'de', url: stack.webUrl }]);
  await page.reload();
  expect(await page.getByRole('heading', { level: 1 }).first().textContent()).toBe(
    'Wöchentlicher Flottenbericht',
  );
  expect(await mail.locator('html').getAttribute('lang')).toBe('de');
  expect(await mail.locator('h2').first().textContent()).toBe('Neue Frühwarnungen');
  expect(await page.getByTestId('report-language').textContent()).toContain(
    'in der Sprache, die sie in Fleet gewählt haben',
  );
  await page.screenshot({ path: `${shots}/5-weekly-report-de.png`, fullPage: true });
}

describe('warranty life', () => {
  let stack: WarrantyStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startWarrantyStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('admin enters terms, then the string page shows time, throughput, SOH and the excursion', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    try {
      await signInAt(page, stack, '/warranty-terms');
      expect(await page.getByRole('link', { name: 'Warranty terms' }).getAttribute('aria-current')).toBe(
        'page',
      );
      await enterTerms(page);

      await page.goto(`${stack.webUrl}/strings/${stack.stringId}`);
      await page.getByTestId('warranty-link').click();
      await page.waitForURL(new RegExp(`/strings/${stack.stringId}/warranty$`));
      expect(await page.getByTestId('warranty-gaps').textContent()).toContain('no warranty region');
      expect(await page.getByTestId('module-serials').textContent()).toContain('PPTBH02002');

      await page.getByLabel('Warranty region of the site').fill('eu');
      await page.getByTestId('region-save').click();
      await page.getByTestId('commissioning-form').waitFor();
      await page.waitForFunction(() =>
        document.querySelector('[data-testid="terms-used"]')?.textContent?.includes('EU'),
      );
      await page.getByLabel('Commissioning date (UTC)').fill(stack.firstDay.toISOString().slice(0, 10));
      await page.getByLabel('Commissioned by', { exact: true }).fill('E2E Solar crew');
      await page.getByTestId('commissioning-save').click();
      // The recorded day, written as the reader's language writes a date.
      await page.waitForFunction(
        (d) => document.querySelector('[data-testid="commissioned-at"]')?.textContent === d,
        formatSiteDate(stack.firstDay, 'UTC', 'en'),
      );

      expect(await page.getByTestId('warranty-gaps').count()).toBe(0);
      expect(await page.getByTestId('gauge-time').textContent()).toMatch(/200 of 3,65[23] days/);
      // 200 days × 5 kWh; cap 3 MWh/kWh × 7.2 kWh.
      expect(await page.getByTestId('gauge-throughput').textContent()).toContain(
        `1,000.0${NBSP}kWh of 21,600.0${NBSP}kWh`,
      );
      expect(await page.getByTestId('gauge-soh').textContent()).toContain(`SOH 98${NBSP}%`);
      // a day on the site's clock: "14 Mar 2031"
      expect(await page.getByTestId('projection-throughput').textContent()).toMatch(
        /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/,
      );
      expect(await page.getByTestId('soh-guaranteed').count()).toBe(1);
      const rows = page.getByTestId('excursion-row');
      expect(await rows.count()).toBe(1);
      expect(await rows.first().getAttribute('data-kind')).toBe('temperature-high');
      expect(await page.getByTestId('excursion-worst').first().textContent()).toBe(`56.0${NBSP}°C`);
      await page.screenshot({ path: `${shots}/3-string-warranty.png`, fullPage: true });
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    } finally {
      await page.close();
    }
  });

  it('admin previews the weekly fleet report from the navigation, in the web’s language', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    await previewWeeklyReport(page, stack).catch(async (error: unknown) => {
      await page.screenshot({ path: `${shots}/failure-report.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    });
    await page.close();
  });
});
