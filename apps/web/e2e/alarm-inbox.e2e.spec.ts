// Whole-process test of the dashboard shell and the alarm inbox: a real database with seeded
// alarms, the built API and web app, Debian's chromium. Signs in as an installer, works an alarm
// from the inbox to its detail page, bulk-acknowledges another, then switches to German and to
// the dark scheme and checks that the page (and a reload) says so; searches the sites list,
// filters the inbox by string and resolves in bulk.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { type ReadPathStack, startReadPathStack } from './support/read-path-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/web-shell`;
const WAIT = { timeout: 30_000 };

async function signIn(page: Page, stack: ReadPathStack, who = stack.user): Promise<void> {
  // Owners start on their portal (the start page); the others on the sites list, as before signing in.
  await page.goto(`${stack.webUrl}${who === stack.owner ? '/' : '/sites'}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(who === stack.owner ? /\/my-system$/ : /\/sites$/);
}

/** Polls in the page until `selector` has the attribute value (a server render after an action). */
function waitForAttribute(page: Page, selector: string, name: string, value: string) {
  return page.waitForFunction(
    ([sel, attr, want]) => document.querySelector(sel)?.getAttribute(attr) === want,
    [selector, name, value] as const,
    { ...WAIT, polling: 200 },
  );
}

function waitForText(page: Page, testId: string, expected: string) {
  return page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want,
    [testId, expected] as const,
    { ...WAIT, polling: 200 },
  );
}

/** The inbox: newest first, with severity, title, site / string and status. */
async function checkInbox(page: Page, nav: ReturnType<Page['getByRole']>) {
  // Inbox: newest first, severity, title, site / string, status.
  await nav.getByRole('link', { name: 'Alarms' }).click();
  await page.waitForURL(/\/alarms$/);
  await page.getByTestId('alarm-row').first().waitFor(WAIT);
  const rows = page.getByTestId('alarm-row');
  expect(await rows.count()).toBe(2);
  const first = rows.first();
  expect(await first.getByTestId('alarm-link').textContent()).toBe('Cell low voltage');
  expect(await first.getAttribute('data-severity')).toBe('critical');
  expect(await first.textContent()).toContain('Harbour Depot / String East');
  expect(await first.getByTestId('alarm-status').textContent()).toBe('Open');
  await page.screenshot({ path: `${shots}/1-inbox.png`, fullPage: true });
  return first;
}

/** The detail page: catalogue text beside the alarm; acknowledging changes status and history. */
async function acknowledgeOnDetail(page: Page, first: ReturnType<Page['getByTestId']>, id: string) {
  // Detail: catalogue text beside the alarm, acknowledge, the status and history change.
  await first.getByTestId('alarm-link').click();
  await page.waitForURL(new RegExp(`/alarms/${id}$`));
  const meaning = await page.getByTestId('catalogue-meaning').textContent();
  expect(meaning).toContain('At least one cell is below the low-voltage limit');
  expect(await page.getByTestId('catalogue-steps').locator('li').count()).toBeGreaterThan(0);
  expect(await page.getByTestId('alarm-detail-status').textContent()).toBe('Open');
  await page.screenshot({ path: `${shots}/2-detail-open.png`, fullPage: true });
  await page.getByTestId('action-acknowledge').click();
  await waitForText(page, 'alarm-detail-status', 'Acknowledged');
  const acknowledged = page.locator('[data-testid="history-entry"][data-transition="acknowledged"]');
  expect(await acknowledged.textContent()).toContain('E2E Installer');
  expect(await page.getByTestId('action-acknowledge').count()).toBe(0);
  await page.screenshot({ path: `${shots}/3-detail-acknowledged.png`, fullPage: true });
}

async function bulkAcknowledgeTheRest(page: Page) {
  // Back in the inbox: the acknowledged alarm says so; the other one is bulk-acknowledged.
  await page.getByRole('link', { name: 'All alarms' }).click();
  await page.waitForURL(/\/alarms$/);
  await waitForAttribute(page, '[data-testid="alarm-row"]', 'data-status', 'acknowledged');
  const open = page.locator('[data-testid="alarm-row"][data-status="open"]');
  expect(await open.getByTestId('alarm-link').textContent()).toBe('String high voltage');
  await open.getByTestId('alarm-select').check();
  await page.getByTestId('bulk-acknowledge').click();
  await waitForText(page, 'inbox-message', '1 acknowledged, 0 refused.');
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="alarm-row"][data-status="open"]').length === 0,
    undefined,
    { ...WAIT, polling: 200 },
  );
}

async function switchToGermanAndDark(page: Page, stack: ReadPathStack, id: string) {
  // German and dark: the switches re-render the page and are remembered.
  await page.getByTestId('locale-de').click();
  await waitForAttribute(page, 'html', 'lang', 'de');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Alarme');
  expect(await page.getByTestId('alarm-status').first().textContent()).toBe('Bestätigt');
  await page.getByTestId('theme-dark').click();
  await waitForAttribute(page, 'html', 'data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(13, 17, 23)');
  await page.reload();
  expect(await page.locator('html').getAttribute('lang')).toBe('de');
  expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
  expect(
    await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link').allTextContents(),
  ).toEqual(['Flotte', 'Standorte', 'Alarme']);
  // The API answers in the page's language: titles localized from the code, stored ones English.
  expect(await page.getByTestId('alarm-link').allTextContents()).toEqual(
    expect.arrayContaining(['Zellunterspannung', 'Strang-Überspannung']),
  );
  await page.screenshot({ path: `${shots}/4-inbox-de-dark.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/5-inbox-phone.png`, fullPage: true });
  await page.goto(`${stack.webUrl}/alarms/${id}`);
  await page.getByTestId('catalogue').waitFor(WAIT);
  expect(await page.getByTestId('alarm-title').textContent()).toContain('Zellunterspannung');
  expect(await page.getByTestId('catalogue-meaning').textContent()).toMatch(
    /^Mindestens eine Zelle liegt unter der Unterspannungsgrenze\. Schutz ausgelöst/,
  );
  expect(await page.getByTestId('catalogue-steps').textContent()).toContain('Wechselrichter');
  expect(await page.getByTestId('catalogue').getAttribute('lang')).toBeNull();
  await page.screenshot({ path: `${shots}/6-detail-phone-de-dark.png`, fullPage: true });
}

/**
 * The string filter (shown once a site is chosen, kept in the URL) narrows the inbox to the quiet
 * string's alarm, which is then resolved in bulk from the keyboard; the outcome is announced.
 */
async function stringFilterAndBulkResolve(browser: Browser, stack: ReadPathStack): Promise<void> {
  const id = await stack.insertAlarm({
    code: 'hv.protection.cell_low_temperature',
    title: 'Cell low temperature',
    severity: 'warning',
    firedAt: new Date(),
    stringId: stack.silentStringId,
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  try {
    await signIn(page, stack);
    // The first case left the installer on German; the texts below are the English ones.
    await page.getByTestId('locale-en').click();
    await waitForAttribute(page, 'html', 'lang', 'en');
    // The sites list (where signing in lands): the site, then a search that finds nothing.
    await page.getByTestId('site-link').first().waitFor(WAIT);
    expect(await page.getByTestId('site-link').allTextContents()).toEqual(['Harbour Depot']);
    await page.getByTestId('sites-search').fill('nowhere');
    await page.getByTestId('sites-search').press('Enter');
    await page.waitForURL(/\/sites\?q=nowhere$/);
    await waitForText(page, 'sites-empty', 'No site’s name or address contains “nowhere”.');
    await page.goto(`${stack.webUrl}/alarms`);
    expect(await page.getByTestId('filter-string').count()).toBe(0);
    await page.getByTestId('filter-site').selectOption({ label: 'Harbour Depot' });
    await page.getByTestId('filter-string').selectOption({ label: 'String West' });
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(new RegExp(`string=${stack.silentStringId}`));
    await page.getByTestId('alarm-row').first().waitFor(WAIT);
    expect(await page.getByTestId('alarm-link').allTextContents()).toEqual(['Cell low temperature']);
    expect(await page.getByTestId('filter-string').inputValue()).toBe(stack.silentStringId);

    await page.getByTestId('alarm-select').check();
    await page.getByTestId('bulk-resolve').focus();
    await page.keyboard.press('Enter');
    await waitForText(page, 'inbox-message', '1 resolved, 0 refused.');
    await waitForAttribute(
      page,
      `[data-testid="alarm-row"]:has(a[href="/alarms/${id}"])`,
      'data-status',
      'resolved',
    );
    await page.screenshot({ path: `${shots}/9-inbox-string-resolved.png`, fullPage: true });
  } catch (error) {
    await page.screenshot({ path: `${shots}/failure-string.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
  } finally {
    await page.close();
  }
}

/** Two sessions: the watcher's open inbox follows the actor's acknowledge over SSE. */
async function liveWalk(browser: Browser, stack: ReadPathStack): Promise<void> {
  const id = await stack.insertAlarm({
    code: 'hv.protection.cell_high_voltage',
    title: 'Cell high voltage',
    severity: 'critical',
    firedAt: new Date(),
  });
  const watcher = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const actor = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const row = `[data-testid="alarm-row"]:has(a[href="/alarms/${id}"])`;
  try {
    await signIn(watcher, stack);
    await watcher.goto(`${stack.webUrl}/alarms`);
    await waitForAttribute(watcher, '[data-testid="live-status"]', 'data-live', 'on');
    expect(await watcher.locator(row).getAttribute('data-status')).toBe('open');
    // A marker in the page's JS world survives in-place updates but not a reload.
    await watcher.evaluate(() => Object.assign(window, { __noReload: true }));

    await signIn(actor, stack);
    await actor.goto(`${stack.webUrl}/alarms/${id}`);
    await actor.getByTestId('action-acknowledge').click();
    await waitForText(actor, 'alarm-detail-status', 'Acknowledged');

    // The hint shows as the event arrives; the re-rendered row follows.
    await waitForText(watcher, 'live-updated', 'Updated just now');
    await waitForAttribute(watcher, row, 'data-status', 'acknowledged');
    expect(await watcher.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
    await watcher.screenshot({ path: `${shots}/7-inbox-live-updated.png`, fullPage: true });
  } catch (error) {
    await watcher.screenshot({ path: `${shots}/failure-live.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
  } finally {
    await watcher.close();
    await actor.close();
  }
}

/** An owner on a phone: one nav entry, the explanation of its alarm, no buttons. */
async function ownerWalk(browser: Browser, stack: ReadPathStack): Promise<void> {
  const id = await stack.insertAlarm({
    code: 'hv.protection.charge_low_temperature',
    title: 'Charge low temperature',
    severity: 'major',
    firedAt: new Date(),
  });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
  try {
    await signIn(page, stack, stack.owner);
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['My system']);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My system');
    await page.goto(`${stack.webUrl}/alarms/${id}`);
    await page.getByTestId('catalogue-meaning').waitFor(WAIT);
    await page.getByTestId('owner-no-actions').waitFor(WAIT);
    expect(await page.locator('[data-testid^="action-"]').count()).toBe(0);
    await page.screenshot({ path: `${shots}/8-owner-alarm-phone.png`, fullPage: true });
  } catch (error) {
    await page.screenshot({ path: `${shots}/failure-owner.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
  } finally {
    await page.close();
  }
}

describe('dashboard shell and alarm inbox', () => {
  let stack: ReadPathStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startReadPathStack(root, { nats: true });
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('works an alarm as an installer, then shows the shell in German and dark', async () => {
    const now = Date.now();
    const cellLow = await stack.insertAlarm({
      code: 'hv.protection.cell_low_voltage',
      title: 'Cell low voltage',
      severity: 'critical',
      firedAt: new Date(now - 5 * 60_000),
    });
    await stack.insertAlarm({
      code: 'hv.protection.pack_high_voltage',
      title: 'String high voltage',
      severity: 'major',
      firedAt: new Date(now - 60 * 60_000),
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    try {
      await signIn(page, stack);
      const nav = page.getByRole('navigation', { name: 'Main navigation' });
      expect(await nav.getByRole('link').allTextContents()).toEqual(['Fleet', 'Sites', 'Alarms']);
      expect(await page.getByTestId('signed-in-user').textContent()).toContain('E2E Installer');
      const first = await checkInbox(page, nav);
      await acknowledgeOnDetail(page, first, cellLow);
      await bulkAcknowledgeTheRest(page);
      await switchToGermanAndDark(page, stack, cellLow);
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    } finally {
      await page.close();
    }
  });
  it('searches the sites, filters the inbox by string and resolves the selection in bulk', async () => {
    await stringFilterAndBulkResolve(browser, stack);
  });
  it('updates an open inbox live, without a reload, when another session acknowledges', async () => {
    await liveWalk(browser, stack);
  });
  it('gives an owner the calm view: one entry, the explanation, no actions', async () => {
    await ownerWalk(browser, stack);
  });
});
