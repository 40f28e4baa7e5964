'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { interpolate } from '../../i18n/dictionary';
import { getI18n } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import { SESSION_COOKIE, tokenExpiry } from '../../lib/session';
import type { AccountTexts } from '../(auth)/_lib/account-texts';
import type { FormState } from '../(auth)/_lib/form-state';
import { overTls, startSession } from '../(auth)/_lib/session-cookie';
import { adoptStoredLocale } from '../preferences/locale-cookie';
import { safeNextPath } from './safe-next-path';
import { classifyTotpFailure, normalizeTotpCode, type TotpFailure } from './totp-code';

export interface LoginState extends FormState<'email' | 'password' | 'code'> {
  /** `code`: the password was right and the account wants its authenticator code next. */
  step: 'password' | 'code';
}

/**
 * The API's TOTP challenge between the two steps: a signed 5-minute JWT that is no session. It
 * stays on the server side of the browser (httpOnly, only sent to /login, where the form's
 * action posts) rather than in the page, so page script never holds half a login.
 */
const CHALLENGE_COOKIE = 'fleet_totp_challenge';

/** Form action of /login: the password step, or (with `step=code`) the authenticator code step. */
export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const texts = (await getI18n()).t.accounts;
  return form.get('step') === 'code' ? submitCode(form, texts) : submitPassword(form, texts);
}

async function submitPassword(form: FormData, texts: AccountTexts): Promise<LoginState> {
  const m = texts.login;
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const values = { email };
  if (!email || !password) {
    const fieldErrors = {
      ...(email ? {} : { email: m.missingEmail }),
      ...(password ? {} : { password: m.missingPassword }),
    };
    return { step: 'password', values, fieldErrors };
  }
  const result = await callApi({}, (api) => api.POST('/api/auth/login', { body: { email, password } }));
  if (!result.ok) {
    return { step: 'password', values, error: passwordFailure(result.status, result.message, texts) };
  }
  if ('totpRequired' in result.data) {
    await keepChallenge(result.data.challenge);
    return { step: 'code', values };
  }
  await startSession(result.data.token);
  await adoptStoredLocale(result.data.user.locale);
  redirect(safeNextPath(form.get('next')));
}

async function submitCode(form: FormData, texts: AccountTexts): Promise<LoginState> {
  const m = texts.login;
  const values = { email: String(form.get('email') ?? '') };
  const challenge = await readChallenge();
  if (!challenge) {
    return { step: 'password', values, error: m.challengeExpired };
  }
  const code = normalizeTotpCode(form.get('code'));
  if (!code) {
    return { step: 'code', values, fieldErrors: { code: m.codeFormat } };
  }
  const result = await callApi({}, (api) => api.POST('/api/auth/login/totp', { body: { challenge, code } }));
  if (!result.ok) {
    return codeFailure(classifyTotpFailure(result.status, result.code), values, texts);
  }
  await dropChallenge();
  await startSession(result.data.token);
  await adoptStoredLocale(result.data.user.locale);
  redirect(safeNextPath(form.get('next')));
}

async function codeFailure(
  failure: TotpFailure,
  values: { email: string },
  { login: m, common }: AccountTexts,
): Promise<LoginState> {
  switch (failure) {
    case 'wrong-code':
      return { step: 'code', values, fieldErrors: { code: m.wrongCode } };
    case 'bad-input':
      return { step: 'code', values, fieldErrors: { code: m.codeFormat } };
    case 'expired':
      await dropChallenge();
      return { step: 'password', values, error: m.challengeExpired };
    case 'rate-limited':
      return { step: 'code', values, error: common.rateLimited };
    case 'unreachable':
      return { step: 'code', values, error: common.unreachable };
  }
}

async function keepChallenge(challenge: string): Promise<void> {
  (await cookies()).set(CHALLENGE_COOKIE, challenge, {
    httpOnly: true,
    sameSite: 'strict',
    secure: await overTls(),
    path: '/login',
    expires: tokenExpiry(challenge),
  });
}

/** Deleting must name the cookie's path, or the browser keeps the /login one. */
async function dropChallenge(): Promise<void> {
  (await cookies()).delete({ name: CHALLENGE_COOKIE, path: '/login' });
}

/** The kept challenge while it is still valid; an expired one means starting over. */
async function readChallenge(): Promise<string | undefined> {
  const challenge = (await cookies()).get(CHALLENGE_COOKIE)?.value;
  const expires = challenge ? tokenExpiry(challenge) : undefined;
  return challenge && expires && expires.getTime() > Date.now() ? challenge : undefined;
}

export async function logout(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/login');
}

function passwordFailure(status: number, apiMessage: string, { login: m, common }: AccountTexts): string {
  if (status === 401) {
    return m.invalidCredentials;
  }
  if (status === 400) {
    return interpolate(m.badInput, { message: apiMessage });
  }
  return status === 429 ? common.rateLimited : common.unreachable;
}
