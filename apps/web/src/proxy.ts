import { type NextRequest, NextResponse } from 'next/server';

// Kept literal here: proxy runs apart from the render code and should not share modules with it.
const SESSION_COOKIE = 'fleet_session';

/**
 * Sends a visitor without a session cookie to /login, remembering where they wanted to go.
 * Only presence is checked here; the API verifies the token on every call, and pages send the
 * user back to /login when it refuses it. Route handlers answer 401 themselves (a redirect to an
 * HTML page would be useless to a fetch).
 */
export function proxy(request: NextRequest) {
  if (request.cookies.get(SESSION_COOKIE)?.value) {
    return NextResponse.next();
  }
  const { pathname, search } = request.nextUrl;
  // Route handlers fetched by script (polling, the event stream) answer 401 themselves.
  if (pathname.endsWith('/latest') || pathname === '/alarms/stream') {
    return NextResponse.next();
  }
  const login = new URL('/login', request.url);
  if (pathname !== '/') {
    login.searchParams.set('next', `${pathname}${search}`);
  }
  return NextResponse.redirect(login);
}

export const config = {
  // Everything except the pages for people without a session (sign in with its code step, forgot
  // and reset password, accept an invitation), Next's assets and icons. A literal: Next reads it
  // at build time.
  matcher: [
    '/((?!login|forgot-password|reset-password|accept-invite|_next/static|_next/image|favicon\\.ico|.*\\.(?:png|svg|ico)$).*)',
  ],
};
