'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { callApi } from '../../lib/api/client';
import { SESSION_COOKIE, tokenExpiry } from '../../lib/session';
import { safeNextPath } from './safe-next-path';

export interface LoginState {
  error?: string;
  email?: string;
}

/** Form action of /login: API login, then the token goes into an httpOnly, SameSite=Lax cookie. */
export async function login(_previous: LoginState, form: FormData): Promise<LoginState> {
  const email = String(form.get('email') ?? '').trim();
  const password = String(form.get('password') ?? '');
  if (!email || !password) {
    return { error: 'Enter your email and password.', email };
  }
  const result = await callApi({}, (api) => api.POST('/api/auth/login', { body: { email, password } }));
  if (!result.ok) {
    return { error: loginErrorMessage(result.status, result.message), email };
  }
  // A TOTP-protected account answers a challenge for POST /api/auth/login/totp; the web app has no
  // code step yet, so it says so rather than pretending the login failed.
  if (!('token' in result.data)) {
    return {
      error: 'This account signs in with an authenticator code, which this page does not ask for yet.',
      email,
    };
  }
  // Secure whenever the browser reached us over TLS (directly or through a proxy).
  const secure = (await headers()).get('x-forwarded-proto') === 'https';
  (await cookies()).set(SESSION_COOKIE, result.data.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: tokenExpiry(result.data.token),
  });
  redirect(safeNextPath(form.get('next')));
}

export async function logout(): Promise<void> {
  (await cookies()).delete(SESSION_COOKIE);
  redirect('/login');
}

function loginErrorMessage(status: number, apiMessage: string): string {
  if (status === 401) {
    return 'Invalid email or password.';
  }
  if (status === 400) {
    return `Check your input: ${apiMessage}`;
  }
  return 'The server is not reachable right now. Try again in a moment.';
}
