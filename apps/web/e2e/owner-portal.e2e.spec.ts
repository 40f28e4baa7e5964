// Whole-process test of the owner portal (/my-system): a real database, the built API with a
// private NATS, the built web app and Debian's chromium on a phone-sized viewport. An owner
// signs in, sees today / history / health / warranty / notification settings, watches a new
// sample arrive without a reload, changes a notification setting (persisted), and cannot reach
// another owner's site or string of the same organisation by URL, by API or over the live stream.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { type Account, type OwnerPortalStack, startOwnerPortalStack } from './support/owner-portal-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/owner-portal`;
const WAIT = { timeout: 30_000 };
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const NBSP = '\u00a0';

async function signIn(page: Page, stack: OwnerPortalStack, who: Account): Promise<void> {
  await page.goto(`${stack.webUrl}/my-system`);
  await page.waitForURL(/\/login\?next=/);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/my-system$/);
}

function waitForText(page: Page, testId: string, expected: string) {
  return page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want,
    [testId, expected] as const,
    { ...WAIT, polling: 200 },
  );
}

async function text(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).first().textContent()) ?? '';
}

/** The five sections with the seeded values, in English. */
async function checkSections(page: Page): Promise<void> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  expect(await nav.getByRole('link').allTextContents()).toEqual(['My system']);
  expect(await nav.getByRole('link').getAttribute('href')).toBe('/my-system');
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('My system');
  expect(await page.getByTestId('system-picker').count()).toBe(0);
  // Today: 400 V × 6 A, SOC 62 %, this hour's rollup.
  expect(await text(page, 'system-state')).toBe(`Charging at 2.4${NBSP}kW`);
  expect(await text(page, 'soc')).toBe(`62${NBSP}%`);
  expect(await page.getByRole('img', { name: `Battery 62${NBSP}% full` }).count()).toBe(1);
  expect(await text(page, 'charged-today')).toBe(`1.5${NBSP}kWh`);
  expect(await text(page, 'discharged-today')).toBe(`0.2${NBSP}kWh`);
  // History: five seeded days of 8.1…8.5 kWh in and 7.1…7.5 kWh out.
  await page.getByTestId('history-chart').waitFor(WAIT);
  expect(await text(page, 'history-totals')).toBe(
    `In total: charged 41.5${NBSP}kWh, discharged 36.5${NBSP}kWh.`,
  );
  // Health in words, the alarm by its title; the code only inside the details.
  const health = await text(page, 'health-text');
  expect(health).toContain(`Your battery is healthy. It holds 97${NBSP}% of its original capacity.`);
  expect(health).toContain('Your installer has been notified about “Cell low voltage”.');
  expect(health).not.toContain('hv.protection');
  expect(await page.getByTestId('alarm-codes').isVisible()).toBe(false);
  // Warranty: no terms entered for this organisation.
  expect(await text(page, 'warranty-not-set-up')).toBe(
    'Warranty details are not set up yet — ask your installer.',
  );
  await page.getByTestId('notification-form').waitFor(WAIT);
}

/** A newer sample (discharging) reaches the open page without a reload. */
async function checkLive(page: Page, stack: OwnerPortalStack): Promise<void> {
  await page.evaluate(() => Object.assign(window, { __noReload: true }));
  await stack.insertSample({ packCurrentDa: -30, socPct: 58 });
  await waitForText(page, 'system-state', `Discharging at 1.2${NBSP}kW`);
  await waitForText(page, 'soc', `58${NBSP}%`);
  expect(await page.evaluate(() => (window as { __noReload?: boolean }).__noReload)).toBe(true);
}

/** As the org admin, through the API: terms for H48050 in EU, the site in EU, the string commissioned two years ago. */
async function enterWarranty(stack: OwnerPortalStack): Promise<void> {
  const token = await apiToken(stack, stack.admin);
  const call = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
  };
  await call('POST', '/api/warranty-terms', {
    moduleType: 'H48050',
    region: 'EU',
    termYears: 10,
    throughputMwhPerKwh: 6,
    retainedCapacityPct: 70,
    validFrom: '2020-01-01',
    source: 'E2E test terms (not the manufacturer’s)',
  });
  await call('PUT', `/api/sites/${stack.mine.siteId}/warranty-region`, { warrantyRegion: 'EU' });
  await call('PUT', `/api/strings/${stack.mine.stringId}/commissioning`, {
    commissionedAt: new Date(Date.now() - 2 * 365.25 * 86_400_000).toISOString(),
    commissionedBy: 'E2E Installer',
  });
}

/** The warranty card in words: time, energy out of the cap, capacity against the guaranteed line. */
async function checkWarranty(page: Page, stack: OwnerPortalStack): Promise<void> {
  await enterWarranty(stack);
  await page.reload();
  await page.getByTestId('warranty-text').waitFor(WAIT);
  const warranty = await text(page, 'warranty-text');
  expect(warranty).toContain('Time: 2 of 10 years used.');
  expect(warranty).toContain(`Energy: 36.5${NBSP}kWh`);
  expect(warranty).toContain(`Capacity: 97${NBSP}% today, above the`);
  expect(await page.getByRole('meter', { name: 'Warranty time used' }).count()).toBe(1);
  await page.getByTestId('warranty-text').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${shots}/1b-warranty-phone.png`, fullPage: true });
}

/** Only serious problems, quiet hours 21:00–06:00: saved, and still there after a reload. */
async function changeNotifications(page: Page, stack: OwnerPortalStack): Promise<void> {
  await page.getByLabel('Only serious problems').check();
  await page.getByTestId('quiet-hours').check();
  await page.getByTestId('quietStart').selectOption('21:00');
  await page.getByTestId('quietEnd').selectOption('06:00');
  await page.getByRole('button', { name: 'Save' }).click();
  await waitForText(page, 'notifications-outcome', 'Saved.');
  await page.screenshot({ path: `${shots}/2-notifications-saved.png`, fullPage: true });
  await page.reload();
  await page.getByTestId('notification-form').waitFor(WAIT);
  expect(await page.getByLabel('Only serious problems').isChecked()).toBe(true);
  expect(await page.getByTestId('quiet-hours').isChecked()).toBe(true);
  expect(await page.getByTestId('quietStart').inputValue()).toBe('21:00');
  const token = await apiToken(stack, stack.mine.owner);
  const saved = await fetch(`${stack.apiUrl}/api/me/notification-preferences`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(await saved.json()).toMatchObject({
    minSeverity: 'critical',
    quietHours: { start: '21:00', end: '06:00' },
  });
}

async function apiToken(stack: OwnerPortalStack, who: Account): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** Every way to the other owner's site or string by URL ends in not found, naming nothing of it. */
async function checkUrlIsolation(page: Page, stack: OwnerPortalStack): Promise<void> {
  const { siteId, stringId } = stack.foreign;
  const urls = [
    `/sites/${siteId}`,
    `/strings/${stringId}`,
    `/my-system?site=${siteId}`,
    `/my-system?string=${stringId}`,
    `/my-system?site=${stack.mine.siteId}&string=${stringId}`,
  ];
  for (const [i, url] of urls.entries()) {
    await page.goto(`${stack.webUrl}${url}`);
    await page.getByRole('heading', { name: /not found|could not be found|nicht gefunden/i }).waitFor(WAIT);
    const body = (await page.textContent('body')) ?? '';
    expect(body, url).not.toContain('Other House');
    await page.screenshot({ path: `${shots}/4-not-found-${i + 1}.png`, fullPage: true });
  }
  expect(await page.getByTestId('not-found').count()).toBe(1);
  const live = await page.request.get(`${stack.webUrl}/my-system/latest?site=${siteId}`);
  expect(live.status()).toBe(404);
}

/** The API answers the owner's token with 404 for the other owner's ids, like for unknown ones. */
async function checkApiIsolation(stack: OwnerPortalStack): Promise<void> {
  const token = await apiToken(stack, stack.mine.owner);
  const { siteId, stringId } = stack.foreign;
  for (const path of [
    `/api/sites/${siteId}`,
    `/api/strings/${stringId}`,
    `/api/strings/${stringId}/latest`,
    `/api/strings/${stringId}/trend?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&bucket=1h`,
    `/api/stream?site=${siteId}`,
  ]) {
    const response = await fetch(`${stack.apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status, path).toBe(404);
    await response.body?.cancel();
  }
  const sites = await fetch(`${stack.apiUrl}/api/sites`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await sites.json()) as { items: { id: string }[] }).items.map((s) => s.id)).toEqual([
    stack.mine.siteId,
  ]);
}

interface SeenEvent {
  type: string;
  data: string;
}

/** Opens the web app's SSE proxy in the page and records every event (named ones too). */
async function listen(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: { type: string; data: string }[] = [];
    const source = new EventSource('/alarms/stream');
    for (const type of ['ready', 'telemetry', 'alarm', 'revoked', 'info']) {
      source.addEventListener(type, (e) => seen.push({ type, data: (e as MessageEvent).data }));
    }
    Object.assign(window, { __seen: seen });
  });
  await waitForEvent(page, 'ready', '');
}

function waitForEvent(page: Page, type: string, containing: string) {
  return page.waitForFunction(
    ([t, c]) =>
      ((window as unknown as { __seen?: SeenEvent[] }).__seen ?? []).some(
        (e) => e.type === t && e.data.includes(c),
      ),
    [type, containing] as const,
    { ...WAIT, polling: 200 },
  );
}

/**
 * The other owner's stream receives the foreign telemetry and alarm (so they were produced and
 * fanned out); this owner's stream, open all along, carries none of them, only its own.
 */
async function checkStreamIsolation(mine: Page, theirs: Page, stack: OwnerPortalStack): Promise<void> {
  await listen(mine);
  await listen(theirs);
  await stack.publishTelemetry(stack.foreign, { packCurrentDa: 40, socPct: 33 });
  await stack.publishAlarm(stack.foreign, 'Foreign cell high voltage');
  await waitForEvent(theirs, 'telemetry', stack.foreign.stringId);
  await waitForEvent(theirs, 'alarm', 'Foreign cell high voltage');
  await stack.publishTelemetry(stack.mine, { packCurrentDa: 10, socPct: 59 });
  await waitForEvent(mine, 'telemetry', stack.mine.stringId);
  const seen = await mine.evaluate(() => (window as unknown as { __seen: SeenEvent[] }).__seen);
  const foreignIds = [stack.foreign.siteId, stack.foreign.stringId, stack.foreign.gatewayId];
  for (const event of seen) {
    for (const id of foreignIds) {
      expect(event.data, `${event.type} event`).not.toContain(id);
    }
  }
  expect(seen.some((e) => e.type === 'alarm')).toBe(false);
}

describe('owner portal', () => {
  let stack: OwnerPortalStack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    stack = await startOwnerPortalStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
    context = await browser.newContext({ ...PHONE, locale: 'en-US' });
    page = await context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  async function step(name: string, body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (error) {
      await page.screenshot({ path: `${shots}/failure-${name}.png`, fullPage: true }).catch(() => undefined);
      throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
    }
  }

  it('shows an owner today, history, health, warranty and notifications on a phone, live', async () => {
    await step('sections', async () => {
      await signIn(page, stack, stack.mine.owner);
      await checkSections(page);
      await page.screenshot({ path: `${shots}/1-my-system-phone.png`, fullPage: true });
      await checkLive(page, stack);
    });
  });

  it('shows the warranty in words once terms and commissioning are entered', async () => {
    await step('warranty', () => checkWarranty(page, stack));
  });

  it('saves a notification setting that is still there after a reload', async () => {
    await step('notifications', () => changeNotifications(page, stack));
  });

  it('reads in German and in the dark scheme', async () => {
    await step('german-dark', async () => {
      await page.getByTestId('locale-de').click();
      await page.waitForFunction(() => document.documentElement.lang === 'de', undefined, WAIT);
      await page.getByTestId('theme-dark').click();
      await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', undefined, WAIT);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Meine Anlage');
      const health = await text(page, 'health-text');
      expect(health).toContain('Ihr Speicher ist in gutem Zustand.');
      // The alarm's title comes from the API in German (Accept-Language), not the stored English one.
      expect(health).toContain('Zellunterspannung');
      expect(health).not.toContain('Cell low voltage');
      expect(await text(page, 'warranty-text')).toContain('Zeit: 2 von 10 Jahren verbraucht.');
      await page.screenshot({ path: `${shots}/3-my-system-phone-de-dark.png`, fullPage: true });
      await page.getByTestId('locale-en').click();
      await page.waitForFunction(() => document.documentElement.lang === 'en', undefined, WAIT);
    });
  });

  it('gives not found for another owner’s site and string by URL and by API', async () => {
    await step('isolation', async () => {
      await checkUrlIsolation(page, stack);
      await checkApiIsolation(stack);
    });
  });

  it('never carries another owner’s telemetry or alarms over the live stream', async () => {
    const other = await browser.newContext({ ...PHONE, locale: 'en-US' });
    const theirs = await other.newPage();
    await step('stream', async () => {
      await signIn(theirs, stack, stack.foreign.owner);
      await page.goto(`${stack.webUrl}/my-system`);
      await checkStreamIsolation(page, theirs, stack);
      await page.screenshot({ path: `${shots}/5-stream-checked.png`, fullPage: true });
    }).finally(() => other.close());
  });
});
