import { type NextRequest, NextResponse } from 'next/server';
import { callApi } from '../../../../lib/api/client';
import { SESSION_COOKIE } from '../../../../lib/session';
import type { LatestResponse } from '../latest-response';

/**
 * Same-origin endpoint polled by the live view: forwards the session cookie's token to the API,
 * so the token never has to be readable by browser script. "No sample yet" is a 200 with
 * `sample: null` (an expected state, not an error).
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return json({ error: 'not signed in' }, 401);
  }
  const { id } = await context.params;
  const result = await callApi(
    { token, requestId: request.headers.get('x-request-id') ?? undefined },
    (api) => api.GET('/api/strings/{id}/latest', { params: { path: { id } } }),
  );
  if (result.ok) {
    return json({ sample: result.data }, 200);
  }
  if (result.status === 404) {
    return json({ sample: null }, 200);
  }
  if (result.status === 401 || result.status === 400) {
    return json({ error: result.message }, result.status);
  }
  return json({ error: 'the API is not answering' }, 502);
}

function json(body: LatestResponse, status: number) {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
