// Whole-process test of the account pages: the built API (mailing into an SMTP sink in this
// process) and the built web app on a fresh database, driven through Debian's chromium.
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Secret, TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountStack, type Person, startAccountStack } from './support/account-stack.js';
import { launchChromium } from './support/chromium.js';
import { tokenInMail } from './support/smtp-sink.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const shots = `${root}test-results/account-flows`;

/** Waits (polling in the page) until an element shows exactly `expected`. */
function waitForText(page: Page, testId: string, expected: string) {
  return page.waitForFunction(
    ([id, want]) => document.querySelector(`[data-testid="${id}"]`)?.textContent === want,
    [testId, expected] as const,
    { timeout: 30_000, polling: 250 },
  );
}

/** The id of the element that has the focus, and the ids its aria-describedby names. */
const focused = (page: Page) =>
  page.evaluate(() => ({
    id: document.activeElement?.id,
    describedBy: document.activeElement?.getAttribute('aria-describedby') ?? '',
  }));

async function fillPassword(page: Page, who: Person): Promise<void> {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function withPage(
  browser: Browser,
  stack: AccountStack,
  name: string,
  body: (page: Page) => Promise<void>,
  locale = 'en-GB',
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale });
  const page = await context.newPage();
  try {
    await body(page);
  } catch (error) {
    await page.screenshot({ path: `${shots}/failure-${name}.png`, fullPage: true }).catch(() => undefined);
    throw new Error(`${(error as Error).message}\n${stack.diagnostics()}`, { cause: error });
  } finally {
    await context.close();
  }
}

/** Signs the org admin in through the login page. */
async function signInAsAdmin(page: Page, stack: AccountStack): Promise<void> {
  await page.goto(`${stack.webUrl}/login`);
  await fillPassword(page, stack.admin);
  await page.waitForURL((url) => url.pathname !== '/login');
}

async function acceptsAnInvitation(stack: AccountStack, browser: Browser): Promise<void> {
  const email = `owner-${Date.now()}@fleet.test`;
  // The org admin invites the owner from the site's view (role owner, this site).
  await withPage(browser, stack, 'invite-owner', async (page) => {
    await signInAsAdmin(page, stack);
    await page.goto(`${stack.webUrl}/sites/${stack.siteId}`);
    await page.locator('#invite-owner-form-email').fill(email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await waitForText(page, 'invite-owner-form-status', `Invitation sent to ${email}.`);
    // The outcome takes the focus, so a screen reader reads it.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'invite-owner-form-status',
    );
  });
  const token = tokenInMail(await stack.mailTo(email), 'accept-invite');

  await withPage(browser, stack, 'accept-invite', async (page) => {
    // No session: the proxy must let the invitation page through.
    await page.goto(`${stack.webUrl}/accept-invite?token=${encodeURIComponent(token)}`);
    expect(new URL(page.url()).pathname).toBe('/accept-invite');
    await page.getByLabel('Your name').fill('Olga Owner');
    await page.getByLabel('Password', { exact: true }).fill('a-long-owner-password');
    await page.getByLabel('Password again').fill('a-different-password');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await waitForText(page, 'password-error', 'The two passwords were not the same. Type both again.');
    // The focus moved to the field to fix, which names its hint and error.
    expect(await focused(page)).toEqual({ id: 'password', describedBy: 'password-hint password-error' });
    await page.screenshot({ path: `${shots}/1-accept-mismatch.png`, fullPage: true });

    // React resets a form after its action; the name comes back from the action's state, the
    // passwords are typed again.
    expect(await page.getByLabel('Your name').inputValue()).toBe('Olga Owner');
    await page.getByLabel('Password', { exact: true }).fill('a-long-owner-password');
    await page.getByLabel('Password again').fill('a-long-owner-password');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL(/\/my-system$/, { timeout: 30_000 });
    await page.getByTestId('health-text').waitFor({ timeout: 30_000 });
    const session = (await page.context().cookies()).find((c) => c.name === 'fleet_session');
    expect(session?.httpOnly).toBe(true);
  });
  // The new account signs in with the password it chose.
  expect(await stack.login({ email, password: 'a-long-owner-password' })).toMatch(/^ey/);
}

/**
 * Issue 9: the org admin invites from the members page: a malformed address is refused on the
 * email field, a German invitation reaches the mail sink and is listed as pending, a second one is
 * withdrawn (its link stops working), and the invitee accepts and signs in.
 */
async function invitesFromTheMembersPage(stack: AccountStack, browser: Browser): Promise<void> {
  const email = `tech-${Date.now()}@fleet.test`;
  const withdrawn = `gone-${Date.now()}@fleet.test`;
  await withPage(browser, stack, 'invite-member', async (page) => {
    await signInAsAdmin(page, stack);
    await page.goto(`${stack.webUrl}/members`);
    const emailField = page.locator('#invite-email');
    await emailField.fill('not-an-email');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await waitForText(page, 'invite-email-error', 'Enter an email address like name@example.com.');
    expect(await focused(page)).toEqual({ id: 'invite-email', describedBy: 'invite-email-error' });

    await emailField.fill(email);
    await page.getByLabel('Role').selectOption('technician');
    await page.getByLabel('Language of the mail').selectOption('de');
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await waitForText(page, 'invite-status', `Invitation sent to ${email}.`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'invite-status',
    );
    const pending = page.getByRole('row', { name: new RegExp(email) });
    await pending.waitFor({ timeout: 30_000 });
    // Invited by the admin's name, not an id.
    expect(await pending.textContent()).toContain('E2E org_admin');

    await emailField.fill(withdrawn);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await waitForText(page, 'invite-status', `Invitation sent to ${withdrawn}.`);
    await page.getByRole('button', { name: `Withdraw the invitation of ${withdrawn}` }).click();
    await page
      .getByRole('row', { name: new RegExp(withdrawn) })
      .waitFor({ state: 'detached', timeout: 30_000 });
    await page.screenshot({ path: `${shots}/0-members-invite.png`, fullPage: true });
  });
  const mail = await stack.mailTo(email);
  // The language chosen in the form, not the admin's.
  expect(mail.text).toContain('Hier nehmen Sie die Einladung an:');
  const token = tokenInMail(mail, 'accept-invite');
  const gone = tokenInMail(await stack.mailTo(withdrawn), 'accept-invite');
  await expect(
    stack.api('POST', '/invitations/accept', { token: gone, name: 'Gone', password: 'a-long-password-x' }),
  ).rejects.toThrow(/400/);

  await withPage(browser, stack, 'accept-member-invite', async (page) => {
    await page.goto(`${stack.webUrl}/accept-invite?token=${encodeURIComponent(token)}`);
    await page.getByLabel('Your name').fill('Tara Tech');
    await page.getByLabel('Password', { exact: true }).fill('a-long-tech-password');
    await page.getByLabel('Password again').fill('a-long-tech-password');
    await page.getByRole('button', { name: 'Accept and sign in' }).click();
    await page.waitForURL((url) => url.pathname !== '/accept-invite', { timeout: 30_000 });
  });
  expect(await stack.login({ email, password: 'a-long-tech-password' })).toMatch(/^ey/);
}

async function resetsAPassword(stack: AccountStack, browser: Browser): Promise<void> {
  const who = stack.installer;
  const newPassword = 'a-brand-new-password';
  await withPage(browser, stack, 'reset', async (page) => {
    await page.goto(`${stack.webUrl}/login`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL(/\/forgot-password$/);
    await page.getByLabel('Email').fill(who.email);
    await page.getByRole('button', { name: 'Send link' }).click();
    await waitForText(
      page,
      'forgot-password-sent',
      'If that address has an account, we sent a link to it. The link works once, for one hour.',
    );
    const token = tokenInMail(await stack.mailTo(who.email), 'reset-password');

    await page.goto(`${stack.webUrl}/reset-password?token=${encodeURIComponent(token)}`);
    await page.getByLabel('New password', { exact: true }).fill('short');
    await page.getByLabel('New password again').fill('short');
    await page.getByRole('button', { name: 'Set password' }).click();
    await waitForText(page, 'password-error', 'Use at least 10 characters.');
    expect(await focused(page)).toEqual({ id: 'password', describedBy: 'password-hint password-error' });

    await page.getByLabel('New password', { exact: true }).fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.waitForURL(/\/login\?reason=password-reset$/);
    await waitForText(page, 'login-notice', 'Your password was changed. Sign in with the new one.');
    await page.screenshot({ path: `${shots}/2-reset-done.png`, fullPage: true });

    await fillPassword(page, { email: who.email, password: newPassword });
    await page.waitForURL(/\/fleet$/);
  });
  await expect(stack.login(who)).rejects.toThrow(/401/);
}

async function signsInWithTotp(stack: AccountStack, browser: Browser): Promise<void> {
  const who = stack.technician;
  const token = await stack.login(who);
  const { secret } = await stack.api<{ secret: string }>('POST', '/me/totp/setup', undefined, token);
  const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
  await stack.api('POST', '/me/totp/enable', { code: totp.generate() }, token);
  // Enabling used this step's code (a code works once), so sign in with the next step's code,
  // which the API accepts as clock drift.
  const code = totp.generate({ timestamp: Date.now() + 30_000 });
  const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  await withPage(browser, stack, 'totp', async (page) => {
    await page.goto(`${stack.webUrl}/sites`);
    await page.waitForURL(/\/login\?next=/);
    await fillPassword(page, who);
    const codeField = page.getByLabel('Authentication code');
    await codeField.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${shots}/3-totp-step.png`, fullPage: true });

    await codeField.fill(wrong);
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForText(
      page,
      'code-error',
      'That code is not right or was already used. Wait for the next code and try again.',
    );
    expect(await focused(page)).toEqual({ id: 'code', describedBy: 'code-hint code-error' });

    // Without its challenge (expired, or the cookie gone) the code step sends back to the password.
    await page.context().clearCookies({ name: 'fleet_totp_challenge' });
    await codeField.fill(code);
    await page.getByRole('button', { name: 'Verify' }).click();
    await waitForText(page, 'login-error', 'Signing in took too long. Enter your password again.');
    expect(await page.getByLabel('Email').inputValue()).toBe(who.email);

    await fillPassword(page, who);
    await codeField.waitFor({ timeout: 30_000 });
    await codeField.fill(`${code.slice(0, 3)} ${code.slice(3)}`);
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL(/\/sites$/); // where it was going before signing in
    const cookies = await page.context().cookies();
    expect(cookies.find((c) => c.name === 'fleet_session')?.httpOnly).toBe(true);
    expect(cookies.some((c) => c.name === 'fleet_totp_challenge')).toBe(false);
  });
}

async function speaksGerman(stack: AccountStack, browser: Browser): Promise<void> {
  await withPage(
    browser,
    stack,
    'german',
    async (page) => {
      await page.goto(`${stack.webUrl}/accept-invite`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Willkommen bei Fleet');
      expect(await page.getByTestId('accept-invite-error').textContent()).toBe(
        'Diese Seite braucht den Link aus Ihrer Einladungs-E-Mail.',
      );
      await page.goto(`${stack.webUrl}/login`);
      await page.getByRole('link', { name: 'Passwort vergessen?' }).click();
      await page.waitForURL(/\/forgot-password$/);
      await page.getByRole('button', { name: 'Link senden' }).click();
      await waitForText(page, 'email-error', 'Bitte geben Sie Ihre E-Mail-Adresse ein.');
      expect(await focused(page)).toEqual({ id: 'email', describedBy: 'email-error' });
      await page.screenshot({ path: `${shots}/4-forgot-password-de.png`, fullPage: true });
    },
    'de-DE',
  );
}

/** Waits until the page is rendered in `lang` (the root element's lang attribute). */
function waitForLang(page: Page, lang: string) {
  return page.waitForFunction((want) => document.documentElement.lang === want, lang, {
    timeout: 30_000,
    polling: 250,
  });
}

/**
 * Issue 9: the language switch saves the person's language with them (their mails go out in it),
 * and signing in on a device that has no language cookie yet brings it back.
 */
async function keepsTheLanguage(stack: AccountStack, browser: Browser): Promise<void> {
  const signIn = async (page: Page) => {
    await page.goto(`${stack.webUrl}/login`);
    await fillPassword(page, stack.admin);
    await page.waitForURL((url) => url.pathname !== '/login');
  };
  const token = await stack.login(stack.admin);
  try {
    await withPage(browser, stack, 'locale-switch', async (page) => {
      await signIn(page);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      await page.getByTestId('locale-de').click();
      await waitForLang(page, 'de');
    });
    expect((await stack.api<{ locale: string }>('GET', '/me', undefined, token)).locale).toBe('de');

    // A new device with an English browser: the stored German wins over Accept-Language.
    await withPage(browser, stack, 'locale-new-device', async (page) => {
      await signIn(page);
      await waitForLang(page, 'de');
      expect(await page.getByTestId('locale-de').getAttribute('aria-pressed')).toBe('true');
      await page.screenshot({ path: `${shots}/5-stored-language-de.png`, fullPage: true });
    });
  } finally {
    await stack.api('PATCH', '/me', { locale: 'en' }, token);
  }
}

describe('account flows', () => {
  let stack: AccountStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startAccountStack(root);
    browser = await launchChromium();
    await mkdir(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('invites the owner from the site view; the owner accepts in the browser and lands signed in on the invited site', () =>
    acceptsAnInvitation(stack, browser));
  it('invites a technician from the members page (field error, German mail, withdraw); the invitee accepts', () =>
    invitesFromTheMembersPage(stack, browser));
  it('resets a forgotten password from the mailed link; the new password signs in', () =>
    resetsAPassword(stack, browser));
  it('asks a TOTP account for its code: a wrong code is refused, a lost challenge starts over, the right code signs in', () =>
    signsInWithTotp(stack, browser));
  it('speaks German to a German browser (Accept-Language), errors included', () =>
    speaksGerman(stack, browser));
  it('saves the language switch with the person; a sign-in on a new device brings it back', () =>
    keepsTheLanguage(stack, browser));
});
