import type { NextRequest } from 'next/server';
import { apiBaseUrl } from '../../../../../../config/api-url';
import { SESSION_COOKIE } from '../../../../../../lib/session';

export const dynamic = 'force-dynamic';

const KINDS = new Set(['pdf', 'zip']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Same-origin download of a pack's PDF or ZIP: forwards the session cookie's token as a bearer
 * token to `GET /api/evidence-packs/{id}/{pdf|zip}` (which records the download in the audit log)
 * and streams the body with its attachment and SHA-256 headers, so the file never sits in memory.
 */
export async function GET(
  request: NextRequest,
  context: { params: Promise<{ packId: string; kind: string }> },
) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return new Response('not signed in', { status: 401 });
  }
  const { packId, kind } = await context.params;
  if (!KINDS.has(kind) || !UUID.test(packId)) {
    return new Response('not found', { status: 404 });
  }
  let upstream: Response;
  try {
    upstream = await fetch(`${apiBaseUrl()}/api/evidence-packs/${packId}/${kind}`, {
      headers: {
        authorization: `Bearer ${token}`,
        'user-agent': request.headers.get('user-agent') ?? 'fleet-web',
      },
      cache: 'no-store',
      signal: request.signal,
    });
  } catch {
    return new Response('the API is not answering', { status: 502 });
  }
  if (!upstream.ok || !upstream.body) {
    const message = await upstream.text().catch(() => '');
    return new Response(message || `the API answered ${upstream.status}`, {
      status: [401, 404, 409].includes(upstream.status) ? upstream.status : 502,
      headers: { 'content-type': upstream.headers.get('content-type') ?? 'text/plain' },
    });
  }
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const name of [
    'content-type',
    'content-disposition',
    'content-length',
    'x-content-sha256',
    'repr-digest',
  ]) {
    const value = upstream.headers.get(name);
    if (value) {
      headers.set(name, value);
    }
  }
  return new Response(upstream.body, { status: 200, headers });
}
