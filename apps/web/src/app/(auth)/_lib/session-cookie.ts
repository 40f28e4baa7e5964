import { cookies, headers } from 'next/headers';
import { SESSION_COOKIE, tokenExpiry } from '../../../lib/session';

/**
 * Puts an API session token into the `fleet_session` cookie: httpOnly (no script reads it),
 * SameSite=Lax, Secure whenever the browser reached us over TLS (directly or through a proxy),
 * expiring with the token. Every flow that ends signed in (login, TOTP step, accepted
 * invitation) goes through here so the cookie is the same whichever way a person got in.
 */
export async function startSession(token: string): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await overTls(),
    path: '/',
    expires: tokenExpiry(token),
  });
}

export async function overTls(): Promise<boolean> {
  return (await headers()).get('x-forwarded-proto') === 'https';
}
