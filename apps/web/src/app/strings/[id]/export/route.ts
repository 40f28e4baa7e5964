import type { NextRequest } from 'next/server';
import { apiBaseUrl } from '../../../../config/api-url';
import { SESSION_COOKIE } from '../../../../lib/session';

export const dynamic = 'force-dynamic';

const FORWARDED_QUERY = ['from', 'to', 'bucket', 'format'] as const;

/**
 * Same-origin download of `GET /api/strings/{id}/export` (CSV or JSON, streamed): forwards the
 * session cookie's token as a bearer token and passes the body and its attachment headers through
 * unchanged, so a year of rows never sits in this process's memory and the token stays httpOnly.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return new Response('not signed in', { status: 401 });
  }
  const { id } = await context.params;
  const query = new URLSearchParams();
  for (const key of FORWARDED_QUERY) {
    const value = request.nextUrl.searchParams.get(key);
    if (value !== null) {
      query.set(key, value);
    }
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/api/strings/${encodeURIComponent(id)}/export?${query}`, {
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    return new Response('the API is not answering', { status: 502 });
  }
  if (!upstream.ok || !upstream.body) {
    const message = await upstream.text().catch(() => '');
    return new Response(message || `the API answered ${upstream.status}`, {
      status: [400, 401, 404].includes(upstream.status) ? upstream.status : 502,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' },
    });
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of ['content-type', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) {
      headers.set(name, value);
    }
  }
  return new Response(upstream.body, { status: 200, headers });
}
