import { type NextRequest, NextResponse } from 'next/server';
import { SESSION_COOKIE } from '../../../../../lib/session';
import { loadTrendData } from './load-trend-data';

export const dynamic = 'force-dynamic';

/**
 * Same-origin JSON for the trend charts (`?from=…&to=…`, ISO instants): the API's trend and gap
 * report with the session cookie's token as a bearer token, so browser script never sees it.
 * Compared strings are read through this same route with their own id.
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return json({ error: 'not signed in' }, 401);
  }
  const { id } = await context.params;
  const from = Date.parse(request.nextUrl.searchParams.get('from') ?? '');
  const to = Date.parse(request.nextUrl.searchParams.get('to') ?? '');
  if (!Number.isFinite(from) || !Number.isFinite(to)) {
    return json({ error: 'from and to must be ISO instants' }, 400);
  }
  const result = await loadTrendData(
    { token, requestId: request.headers.get('x-request-id') ?? undefined },
    id,
    { from, to },
    Date.now(),
  );
  if (result.ok) {
    return json(result.data, 200);
  }
  // 400 (a range the API refuses) and 401/404 keep their meaning; anything else is the API's trouble.
  const status = [400, 401, 404].includes(result.status) ? result.status : 502;
  return json({ error: result.message }, status);
}

function json(body: unknown, status: number) {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
