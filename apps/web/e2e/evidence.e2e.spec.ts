// Evidence packs in a real browser: the owner of the seeded site opens the string's evidence page
// (built API and web app on a fresh database, support/read-path-stack.ts), generates a pack for
// the default period, watches it become ready, and downloads the PDF and the ZIP; each file's
// SHA-256 is the one the page shows, and the PDF's text has the report's sections.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { type ReadPathStack, startReadPathStack } from './support/read-path-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/evidence`;
const SECTIONS = ['Identity and serials', 'Install record', 'SOH and capacity history', 'Manifest'];

async function signInAt(page: Page, stack: ReadPathStack, path: string): Promise<void> {
  await page.goto(`${stack.webUrl}${path}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(stack.owner.email);
  await page.getByLabel('Password').fill(stack.owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(new RegExp(`${path}$`));
}

/** Clicks a download link and returns the file's bytes and suggested name. */
async function download(page: Page, testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence packs', () => {
  let stack: ReadPathStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startReadPathStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
    const now = Date.now();
    for (const minutes of [30, 20, 10]) {
      await stack.insertSample({
        ts: new Date(now - minutes * 60_000),
        packVoltageDv: 4096,
        packCurrentDa: -120,
        socPct: 61,
        cellMaxMv: 3420,
      });
    }
    await stack.insertAlarm({
      code: 'bits.alarm',
      title: 'BMS alarm',
      severity: 'warning',
      firedAt: new Date(now - 15 * 60_000),
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('owner generates a pack, sees it become ready and downloads both files', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    try {
      await signInAt(page, stack, `/strings/${stack.stringId}`);
      await page.getByTestId('evidence-link').click();
      await page.waitForURL(new RegExp(`/strings/${stack.stringId}/evidence$`));
      expect(await page.getByTestId('evidence-empty').textContent()).toContain('No evidence packs yet');
      await page.screenshot({ path: `${shots}/1-empty.png`, fullPage: true });

      await page.getByTestId('evidence-to').fill('2001-01-01');
      await page.getByTestId('evidence-generate').click();
      await page.getByText('The last day must not be before the first day.').waitFor();
      await page.getByTestId('evidence-to').fill(new Date().toISOString().slice(0, 10));
      await page.getByTestId('evidence-generate').click();
      await page.locator('[data-testid="evidence-pack"][data-status="ready"]').waitFor({ timeout: 120_000 });
      await page.screenshot({ path: `${shots}/2-ready.png`, fullPage: true });

      const shownPdf = (await page.getByTestId('evidence-sha-pdf').textContent())
        ?.replace('SHA-256', '')
        .trim();
      const shownZip = (await page.getByTestId('evidence-sha-zip').textContent())
        ?.replace('SHA-256', '')
        .trim();
      const pdf = await download(page, 'evidence-download-pdf');
      const zip = await download(page, 'evidence-download-zip');
      expect(pdf.name).toMatch(/^evidence-.*\.pdf$/);
      expect(zip.name).toMatch(/^evidence-.*\.zip$/);
      expect(sha256(pdf.bytes)).toBe(shownPdf);
      expect(sha256(zip.bytes)).toBe(shownZip);
      expect(zip.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      const { stdout } = await promisify(execFile)('pdftotext', [await pdfPath(pdf.bytes), '-']);
      for (const title of SECTIONS) {
        expect(stdout).toContain(title);
      }
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    } finally {
      await context.close();
    }
  }, 300_000);
});

/** pdftotext reads a file: the downloaded bytes, written next to the screenshots. */
async function pdfPath(bytes: Buffer): Promise<string> {
  const path = `${shots}/downloaded.pdf`;
  await writeFile(path, bytes);
  return path;
}
