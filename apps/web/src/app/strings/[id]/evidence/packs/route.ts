import type { NextRequest } from 'next/server';
import { callApi } from '../../../../../lib/api/client';
import { SESSION_COOKIE } from '../../../../../lib/session';

export const dynamic = 'force-dynamic';

/**
 * The string's packs as JSON for the page's polling while a pack is being made: reads
 * `GET /api/evidence-packs?stringId=` with the session cookie's token (which stays httpOnly).
 */
export async function GET(request: NextRequest, context: { params: Promise<{ id: string }> }) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return Response.json({ message: 'not signed in' }, { status: 401 });
  }
  const { id } = await context.params;
  const result = await callApi({ token }, (api) =>
    api.GET('/api/evidence-packs', { params: { query: { stringId: id } } }),
  );
  if (!result.ok) {
    return Response.json({ message: result.message }, { status: result.status === 0 ? 502 : result.status });
  }
  return Response.json(result.data, { headers: { 'cache-control': 'no-store' } });
}
