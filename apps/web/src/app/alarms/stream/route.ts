import type { NextRequest } from 'next/server';
import { apiBaseUrl } from '../../../config/api-url';
import { SESSION_COOKIE } from '../../../lib/session';

export const dynamic = 'force-dynamic';

/**
 * Same-origin server-sent events for the inbox: opens the API's GET /api/stream with the session
 * cookie's token as a bearer token and passes the event stream through unchanged, so the token
 * never has to be readable by browser script. The browser closing the page aborts the upstream.
 */
export async function GET(request: NextRequest) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return new Response('not signed in', { status: 401 });
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/api/stream`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    return new Response('the API is not answering', { status: 502 });
  }
  if (!upstream.ok || !upstream.body) {
    // 401/403 tell EventSource to stop (any non-200 does); the status says why.
    return new Response(`the API answered ${upstream.status}`, {
      status: upstream.status === 401 ? 401 : 502,
    });
  }
  return new Response(upstream.body, {
    status: 200,
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      'x-accel-buffering': 'no',
    },
  });
}
