import { type NextRequest, NextResponse } from 'next/server';
import { callApi } from '../../../../lib/api/client';
import { SESSION_COOKIE } from '../../../../lib/session';
import type { ChecklistResponse } from '../checklist-types';

/**
 * Same-origin endpoint polled by the commissioning checklist: forwards the session cookie's token
 * to the API (the token stays unreadable to browser script) and passes the evaluation through.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return json({ error: 'not signed in' }, 401);
  }
  const { id } = await context.params;
  const result = await callApi(
    { token, requestId: request.headers.get('x-request-id') ?? undefined },
    (api) => api.GET('/api/sites/{id}/commissioning', { params: { path: { id } } }),
  );
  if (result.ok) {
    return json({ status: result.data }, 200);
  }
  if ([400, 401, 403, 404].includes(result.status)) {
    return json({ error: result.message }, result.status);
  }
  return json({ error: 'the API is not answering' }, 502);
}

function json(body: ChecklistResponse, status: number) {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
