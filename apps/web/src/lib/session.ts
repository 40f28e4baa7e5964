import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';

/** httpOnly cookie holding the API's bearer token; the browser never sees the token in script. */
export const SESSION_COOKIE = 'fleet_session';

export async function readSessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value || undefined;
}

/** The token, or a redirect to the login page (proxy.ts normally catches this earlier). */
export async function requireSessionToken(): Promise<string> {
  const token = await readSessionToken();
  if (!token) {
    redirect('/login');
  }
  return token;
}

/** When the API refuses the token (expired, secret rotated), the user signs in again. */
export function redirectToLogin(reason: 'expired'): never {
  redirect(`/login?reason=${reason}`);
}

/** Expiry of a JWT from its `exp` claim, so the cookie dies with the token. Not a verification. */
export function tokenExpiry(token: string): Date | undefined {
  const payload = token.split('.')[1];
  if (!payload) {
    return undefined;
  }
  try {
    const { exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  } catch {
    return undefined;
  }
}
