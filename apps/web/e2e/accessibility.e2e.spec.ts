// Issue 9: "axe-core in the browser tests reports no serious accessibility violations on the main
// pages". Every main page, as each role that uses it, in the light and the dark scheme, on the
// whole product with real data (walk-stack.ts, with the weak cell injected so the heatmap has an
// outlier and there is an alarm to open). The list of pages is explicit: a page that is missing
// (404) or lands on its error view fails here instead of passing with nothing to check.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, seriousViolations } from './support/axe.js';
import { launchChromium } from './support/chromium.js';
import { type AlarmItem, raiseWeakCellAlarm, startWalkStack, type WalkStack } from './support/walk-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/accessibility`;
const WAIT = { timeout: 30_000 };
/** Building the services and the web app on a busy 2-core machine takes minutes. */
const BOOT_MS = 1_500_000;
const SCHEMES = ['light', 'dark'] as const;
type Scheme = (typeof SCHEMES)[number];
type Role = 'installer' | 'admin' | 'owner';

interface Ids {
  siteId: string;
  stringId: string;
  alarmId: string;
}

interface MainPage {
  name: string;
  path: (ids: Ids) => string;
  roles: Role[];
}

/** The main pages of issue 9 and who uses each (owners: their own site, string and alarms). */
const PAGES: MainPage[] = [
  { name: 'sites', path: () => '/sites', roles: ['installer', 'admin', 'owner'] },
  { name: 'fleet', path: () => '/fleet', roles: ['installer', 'admin'] },
  { name: 'site view', path: (x) => `/sites/${x.siteId}`, roles: ['installer', 'owner'] },
  { name: 'string', path: (x) => `/strings/${x.stringId}`, roles: ['installer', 'owner'] },
  { name: 'trends', path: (x) => `/strings/${x.stringId}/trends`, roles: ['installer', 'owner'] },
  { name: 'alarms', path: () => '/alarms', roles: ['installer', 'admin'] },
  { name: 'alarm detail', path: (x) => `/alarms/${x.alarmId}`, roles: ['installer', 'owner'] },
  { name: 'members', path: () => '/members', roles: ['admin'] },
  { name: 'warranty terms', path: () => '/warranty-terms', roles: ['admin'] },
  { name: 'string warranty', path: (x) => `/strings/${x.stringId}/warranty`, roles: ['installer', 'owner'] },
  { name: 'evidence', path: (x) => `/strings/${x.stringId}/evidence`, roles: ['installer'] },
  { name: 'my system', path: () => '/my-system', roles: ['owner'] },
];

async function setScheme(context: BrowserContext, stack: WalkStack, scheme: Scheme): Promise<void> {
  await context.addCookies([{ name: 'fleet_theme', value: scheme, url: stack.webUrl }]);
}

/**
 * Opens the page and waits until it has rendered: loaded, a level-one heading, nothing busy.
 * A 404, a detour to the sign-in or the error view fails with what happened.
 */
async function openRendered(page: Page, url: string, scheme: Scheme): Promise<void> {
  const response = await page.goto(url);
  const status = response?.status() ?? 0;
  expect(
    status,
    `${url} answered ${status}${status === 404 ? ': the page does not exist (yet)' : ''}`,
  ).toBeLessThan(400);
  if (!url.endsWith('/login')) {
    expect(new URL(page.url()).pathname, `${url} sent the browser to the sign-in`).not.toMatch(/^\/login/);
  }
  await page.locator('h1').first().waitFor(WAIT);
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, {
    ...WAIT,
    polling: 200,
  });
  expect(await page.getByTestId('error-state').count(), `${url} shows its error view`).toBe(0);
  expect(await page.locator('html').getAttribute('data-theme')).toBe(scheme);
}

async function checkPage(page: Page, where: string, file: string): Promise<void> {
  await page.screenshot({ path: `${shots}/${file}.png`, fullPage: true });
  const violations = await seriousViolations(page);
  expect(violations, describeViolations(where, violations)).toEqual([]);
}

describe('accessibility: no serious or critical axe violations on the main pages', () => {
  let stack: WalkStack;
  let browser: Browser;
  let alarm: AlarmItem;
  const ids = (): Ids => ({ siteId: stack.site.id, stringId: stack.string.id, alarmId: alarm.id });

  beforeAll(async () => {
    await mkdir(shots, { recursive: true });
    stack = await startWalkStack(root);
    browser = await launchChromium();
    alarm = await raiseWeakCellAlarm(stack);
  }, BOOT_MS);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  for (const scheme of SCHEMES) {
    it(`signed out · login · ${scheme}`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
      try {
        await setScheme(context, stack, scheme);
        const page = await context.newPage();
        await openRendered(page, `${stack.webUrl}/login`, scheme);
        await checkPage(page, `login (${scheme})`, `signed-out-login-${scheme}`);
      } finally {
        await context.close();
      }
    });
  }

  for (const role of ['installer', 'admin', 'owner'] as const) {
    describe(`as ${role}`, () => {
      let context: BrowserContext;

      beforeAll(async () => {
        context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
        const page = await context.newPage();
        const who = stack.people[role];
        await page.goto(`${stack.webUrl}/login`);
        await page.getByLabel('Email').fill(who.email);
        await page.getByLabel('Password').fill(who.password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL((url) => !url.pathname.startsWith('/login'), WAIT);
        await page.close();
      });

      afterAll(async () => {
        await context?.close();
      });

      for (const main of PAGES.filter((p) => p.roles.includes(role))) {
        for (const scheme of SCHEMES) {
          it(`${main.name} · ${scheme}`, async () => {
            await setScheme(context, stack, scheme);
            const page = await context.newPage();
            try {
              const path = main.path(ids());
              await openRendered(page, `${stack.webUrl}${path}`, scheme);
              await checkPage(
                page,
                `${role} ${path} (${scheme})`,
                `${role}-${main.name.replace(/ /g, '-')}-${scheme}`,
              );
            } finally {
              await page.close();
            }
          });
        }
      }
    });
  }
});
