// The onboarding walk (issue 10 acceptance) in a browser, on real processes only
// (support/onboarding-stack.ts): an installer claims a new gateway by the code it shows, the
// gateway fetches its credentials and its agent publishes through an operator-mode NATS that
// checks them, ingest stores the data, the installer confirms the topology the gateway found and
// watches the commissioning checklist turn green, then completes it. A second claim of the same
// code is refused; a gateway nobody claimed is refused by NATS, which counts it.
// Screenshots go to test-results/onboarding-walk/.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type RunningProcess, waitFor } from '@fleet/test-kit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import {
  type Enrolling,
  enrolmentOf,
  type OnboardingStack,
  startOnboardingStack,
} from './support/onboarding-stack.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/onboarding-walk`;
const WAIT = { timeout: 30_000 };
/** Building the services and the web app on a busy 2-core machine takes minutes. */
const BOOT_MS = 1_500_000;
const ITEMS = ['first-data', 'topology', 'bus', 'clock', 'cell-spread'];

/**
 * Records every state each checklist item shows, in order, across reloads of the tab (in
 * sessionStorage): runs on every page load before the page's own scripts.
 */
function recordChecklistStates() {
  const key = 'checklist-history';
  const record = () => {
    const history = JSON.parse(sessionStorage.getItem(key) ?? '{}') as Record<string, string[]>;
    for (const li of document.querySelectorAll<HTMLElement>('[data-testid^="checklist-"][data-state]')) {
      const id = (li.dataset.testid as string).slice('checklist-'.length);
      const seen = history[id] ?? [];
      if (seen.at(-1) !== li.dataset.state) {
        history[id] = [...seen, li.dataset.state as string];
      }
    }
    sessionStorage.setItem(key, JSON.stringify(history));
  };
  document.addEventListener('DOMContentLoaded', () => {
    record();
    new MutationObserver(record).observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-state'],
    });
  });
}

const checklistHistory = (page: Page) =>
  page.evaluate(
    () => JSON.parse(sessionStorage.getItem('checklist-history') ?? '{}') as Record<string, string[]>,
  );

const itemStates = (page: Page) =>
  page.$$eval('[data-testid^="checklist-"][data-state]', (els) =>
    Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.testid, (e as HTMLElement).dataset.state])),
  );

async function claim(page: Page, typed: string, name: string): Promise<void> {
  await page.getByLabel('Claim code').fill(typed);
  await page.getByLabel('Gateway name').fill(name);
  await page.getByRole('button', { name: 'Claim', exact: true }).click();
}

/** The exit code of the gateway's enrol process, or 'still polling' after the deadline. */
function exitWithin(gateway: RunningProcess, ms: number): Promise<number | null | string> {
  return Promise.race([gateway.exited, new Promise<string>((r) => setTimeout(() => r('still polling'), ms))]);
}

/** What the steps share: one stack, one tab, one claimed gateway, as one installer's visit. */
interface Walk {
  stack: OnboardingStack;
  browser: Browser;
  page: Page;
  enrolling: Enrolling;
  code: string;
  gatewayId: string;
  sitePage: string;
}
const w = {} as Walk;
const fail = () => w.stack.diagnostics();

async function newSite(): Promise<void> {
  await w.page.goto(`${w.stack.webUrl}/login`);
  await w.page.getByLabel('Email').fill(w.stack.seed.installer.email);
  await w.page.getByLabel('Password').fill(w.stack.seed.installer.password);
  await w.page.getByRole('button', { name: 'Sign in' }).click();
  await w.page.waitForURL(/\/(sites|fleet)$/, WAIT);
  await w.page.goto(w.sitePage);
  await w.page.getByTestId('commissioning-checklist').waitFor(WAIT);
  expect(await itemStates(w.page)).toEqual(
    Object.fromEntries(ITEMS.map((i) => [`checklist-${i}`, 'pending'])),
  );
  await w.page.screenshot({ path: `${shots}/1-new-site.png`, fullPage: true });
}

async function claimByCode(): Promise<void> {
  const shown = (await (await fetch(`${w.enrolling.statusUrl}/claim`)).json()) as {
    claimCode: string;
    claimed: boolean;
  };
  expect(shown.claimed).toBe(false);
  expect(shown.claimCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  w.code = shown.claimCode;
  w.gatewayId = `gw-${w.code.toLowerCase()}`;
  await w.page.getByTestId('claim-link').click();
  await w.page.waitForURL(/\/claim$/, WAIT);
  // Typed as a person might: lower case, no dashes.
  await claim(w.page, w.code.toLowerCase().replace(/-/g, ''), 'Garage');
  await w.page.getByTestId('claim-result').waitFor(WAIT);
  expect(await w.page.getByTestId('claim-result').textContent()).toContain(w.gatewayId);
  await w.page.screenshot({ path: `${shots}/2-claimed.png`, fullPage: true });

  // The gateway's next poll finds the claim: it writes its creds (owner-only) and exits 0.
  expect(await exitWithin(w.enrolling.process, 30_000), w.enrolling.process.output()).toBe(0);
  const enrolment = await enrolmentOf(w.enrolling.dataDir);
  expect(enrolment.gatewayId).toBe(w.gatewayId);
  expect((await stat(enrolment.credsFile)).mode & 0o777).toBe(0o600);
  expect(await readFile(enrolment.credsFile, 'utf8')).toContain('BEGIN NATS USER JWT');

  // The agent runs with those credentials, and the operator-mode site server lets it in.
  await w.stack.startGateway(w.gatewayId, enrolment.credsFile);
  await waitFor(
    'the claimed gateway connected to the site server',
    async () => (await w.stack.siteNats.openConnections()).includes(`edge-agent:${w.gatewayId}`),
    60_000,
    fail,
  );
}

async function confirmTopology(): Promise<void> {
  await w.page.goto(w.sitePage);
  // The section is rendered on the server: reload until the gateway's first report is stored.
  await waitFor(
    'the discovered topology on the site page',
    async () => {
      if (await w.page.getByTestId('topology-form').isVisible()) {
        return true;
      }
      await w.page.reload();
      return false;
    },
    90_000,
    fail,
  );
  expect(await w.page.getByTestId('topology-found').textContent()).toContain(`${w.gatewayId} · can0`);
  expect(await w.page.getByLabel(/^Installed modules at /).inputValue()).toBe('8');
  await w.page.screenshot({ path: `${shots}/3-topology-found.png`, fullPage: true });
  await w.page.getByTestId('topology-confirm').click();
  await w.page.getByRole('status').filter({ hasText: 'Topology confirmed.' }).waitFor(WAIT);
  await waitFor(
    'the confirmation on the page',
    async () =>
      ((await w.page.getByTestId('topology-confirmation').textContent()) ?? '').includes('Ina Installer'),
    30_000,
    fail,
  );
  await w.page.screenshot({ path: `${shots}/4-topology-confirmed.png`, fullPage: true });
}

async function checklistTurnsGreen(): Promise<void> {
  // The panel polls the checklist: no reload from here on.
  let states: Record<string, string | undefined> = {};
  await waitFor(
    'every checklist item passed',
    async () => {
      states = await itemStates(w.page);
      return ITEMS.every((i) => states[`checklist-${i}`] === 'passed');
    },
    120_000,
    () => `${JSON.stringify(states)}\n${fail()}`,
  );
  const history = await checklistHistory(w.page);
  for (const item of ITEMS) {
    // Seen waiting on the new site, then passed; never failed on the way.
    expect(history[item]?.[0], item).toBe('pending');
    expect(history[item]?.at(-1), item).toBe('passed');
    expect(history[item], item).not.toContain('failed');
  }
  expect(await w.page.getByTestId('checklist-topology').textContent()).toContain('8 expected modules');
  await w.page.screenshot({ path: `${shots}/5-checklist-green.png`, fullPage: true });
  await w.page.getByTestId('complete-commissioning').click();
  await w.page.getByTestId('commissioning-record').waitFor(WAIT);
  expect(await w.page.getByTestId('commissioning-record').textContent()).toContain('Ina Installer');
  await w.page.screenshot({ path: `${shots}/6-commissioned.png`, fullPage: true });
}

async function secondClaimRefused(): Promise<void> {
  await w.page.goto(`${w.sitePage}/claim`);
  await claim(w.page, w.code, 'Garage again');
  const refused = w.page.getByTestId('code-error');
  await refused.waitFor(WAIT);
  expect(await refused.textContent()).toContain('already claimed');
  expect(await w.page.getByLabel('Claim code').getAttribute('aria-invalid')).toBe('true');
  await w.page.screenshot({ path: `${shots}/7-second-claim-refused.png`, fullPage: true });
}

async function unclaimedRefused(): Promise<void> {
  const stranger = `gw-${(await w.stack.unclaimedCode()).toLowerCase()}`;
  await w.stack.startGateway(stranger);
  const refusals = async () =>
    (await w.stack.siteNats.closedConnections()).filter((c) => c.name === `edge-agent:${stranger}`);
  await waitFor('the unclaimed gateway refused', async () => (await refusals()).length > 0, 60_000, fail);
  expect((await refusals()).map((c) => c.reason)).toContain('Authentication Failure');
  const open = await w.stack.siteNats.openConnections();
  expect(open).not.toContain(`edge-agent:${stranger}`);
  expect(open).toContain(`edge-agent:${w.gatewayId}`);
  expect(await w.stack.prisma.gateway.count({ where: { id: stranger } })).toBe(0);
}

describe('onboarding a site in the browser: claim, topology, checklist', () => {
  beforeAll(async () => {
    w.stack = await startOnboardingStack(root);
    w.browser = await launchChromium();
    await mkdir(shots, { recursive: true });
    w.enrolling = await w.stack.enrol();
    w.sitePage = `${w.stack.webUrl}/sites/${w.stack.seed.siteId}`;
    w.page = await w.browser.newPage();
    await w.page.addInitScript(recordChecklistStates);
  }, BOOT_MS);

  afterAll(async () => {
    await w.browser?.close();
    await w.stack?.stop();
  });

  // In order: each step goes on from where the one before left the site.
  it('a new site: nothing reported, every checklist item waiting', newSite, 60_000);
  it('claims the gateway by the code it shows; the gateway gets its credentials', claimByCode, 120_000);
  it('confirms the topology the gateway discovered', confirmTopology, 120_000);
  it(
    'every checklist item turns green by itself as data arrives; commissioning completes',
    checklistTurnsGreen,
    180_000,
  );
  it('a second claim of the same code is refused, visibly', secondClaimRefused, 60_000);
  it(
    'a gateway nobody claimed has no JWT: the site server refuses it and counts the refusals',
    unclaimedRefused,
    90_000,
  );
});
