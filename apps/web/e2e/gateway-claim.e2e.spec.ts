// Whole-process test of claiming a gateway by code (issue 10): the built API (with a NATS account
// signing key) and web app, a simulated gateway — the edge agent's `enrol` command, which makes
// its own key, shows its code on its loopback page and polls the API — and Debian's chromium. An
// installer types the code on the site's claim page; the gateway then receives its credentials
// and exits; a second claim of the same code is refused. Screenshots go to test-results/gateway-claim/.
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as testing from '@fleet/db/testing';
import { createAccount } from '@nats-io/nkeys';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium.js';
import { type FleetStack, startFleetStack } from './support/fleet-stack.js';
import { freePort, type RunningProcess, startProcess, waitFor } from './support/processes.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/gateway-claim`;
const WAIT = { timeout: 30_000 };

interface Seed {
  siteId: string;
  installer: { email: string; password: string };
}

/** A fresh database with one installer and one site, and the API holding a NATS account signing key. */
function startStack(): Promise<FleetStack<Seed>> {
  const account = createAccount();
  return startFleetStack<Seed>(
    root,
    async (prisma) => {
      const tenant = await testing.createTenant(prisma, { name: 'Claim Solar', kind: 'installer' });
      const site = await testing.createSite(prisma, { tenantId: tenant.id, name: 'Claim site' });
      const installer = await testing.createUser(prisma, { tenantId: tenant.id, role: 'installer' });
      return { siteId: site.id, installer };
    },
    {
      NATS_ACCOUNT_SIGNING_SEED: new TextDecoder().decode(account.getSeed()),
      NATS_ACCOUNT_PUBLIC_KEY: account.getPublicKey(),
      // The simulated gateway polls every second (a real one every 10 s), above the default limit.
      AUTH_RATE_LIMIT: '1000',
      AUTH_RATE_LIMIT_IP: '1000',
    },
  );
}

/** The simulated gateway on first start: `enrol` with its claim page on a free loopback port. */
async function startGateway(apiUrl: string, dataDir: string) {
  const port = await freePort();
  const args = [
    'enrol',
    '--api-url',
    apiUrl,
    '--data-dir',
    dataDir,
    '--status-port',
    String(port),
    '--poll-s',
    '1',
  ];
  const process_ = startProcess(
    'gateway',
    process.execPath,
    ['apps/edge-agent/dist/claim/claim-main.js', ...args],
    {
      cwd: root,
    },
  );
  const statusUrl = `http://127.0.0.1:${port}`;
  await waitFor(
    'the gateway claim page',
    async () => (await fetch(`${statusUrl}/claim`)).ok,
    30_000,
    () => process_.output(),
  );
  return { process: process_, statusUrl };
}

async function signInToClaimPage(page: Page, stack: FleetStack<Seed>): Promise<void> {
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel('Email').fill(stack.seed.installer.email);
  await page.getByLabel('Password').fill(stack.seed.installer.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/(sites|fleet)$/, WAIT);
  await page.goto(`${stack.webUrl}/sites/${stack.seed.siteId}`);
  await page.getByTestId('claim-link').click();
  await page.waitForURL(/\/claim$/, WAIT);
}

async function claim(page: Page, typed: string, name: string): Promise<void> {
  await page.getByLabel('Claim code').fill(typed);
  await page.getByLabel('Gateway name').fill(name);
  await page.getByRole('button', { name: 'Claim', exact: true }).click();
}

/** The exit code of the gateway's enrol process, or 'still polling' after the deadline. */
function exitWithin(gateway: RunningProcess, ms: number): Promise<number | null | string> {
  return Promise.race([gateway.exited, new Promise<string>((r) => setTimeout(() => r('still polling'), ms))]);
}

describe('claiming a gateway by code in the browser', () => {
  let stack: FleetStack<Seed>;
  let browser: Browser;
  let gateway: { process: RunningProcess; statusUrl: string };
  let dataDir: string;

  beforeAll(async () => {
    stack = await startStack();
    dataDir = await mkdtemp(join(tmpdir(), 'gateway-claim-'));
    gateway = await startGateway(stack.apiUrl, dataDir);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.process.stop();
    await stack?.stop();
    if (dataDir) {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('claims the simulated gateway by its typed code, the gateway gets its credentials, a second claim is refused', async () => {
    const shown = (await (await fetch(`${gateway.statusUrl}/claim`)).json()) as {
      claimCode: string;
      claimed: boolean;
    };
    expect(shown.claimed).toBe(false);
    expect(shown.claimCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const gatewayId = `gw-${shown.claimCode.toLowerCase()}`;
    const page = await browser.newPage();
    await signInToClaimPage(page, stack);

    // Typed as a person might: lower case, no dashes.
    await claim(page, shown.claimCode.toLowerCase().replace(/-/g, ''), 'Garage');
    const result = page.getByTestId('claim-result');
    await result.waitFor(WAIT);
    expect(await result.textContent()).toContain(gatewayId);
    await page.screenshot({ path: `${shots}/1-claimed.png`, fullPage: true });

    // The gateway's next poll finds the claim: it writes its creds (owner-only) and exits 0.
    expect(await exitWithin(gateway.process, 30_000), gateway.process.output()).toBe(0);
    const enrolment = JSON.parse(await readFile(join(dataDir, 'enrolment.json'), 'utf8')) as {
      gatewayId: string;
    };
    expect(enrolment.gatewayId).toBe(gatewayId);
    expect((await stat(join(dataDir, 'gateway.creds'))).mode & 0o777).toBe(0o600);
    expect(await readFile(join(dataDir, 'gateway.creds'), 'utf8')).toContain('BEGIN NATS USER JWT');

    await claim(page, shown.claimCode, 'Garage again');
    const refused = page.getByTestId('code-error');
    await refused.waitFor(WAIT);
    expect(await refused.textContent()).toContain('already claimed');
    expect(await page.getByLabel('Claim code').getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: `${shots}/2-second-claim-refused.png`, fullPage: true });
    await page.close();
  }, 120_000);
});
