import { type NextRequest, NextResponse } from 'next/server';
import { selectSystem } from '../../../lib/owner/owner-selection';
import { SESSION_COOKIE } from '../../../lib/session';
import { ownedSites, siteTimezone } from '../queries';
import { loadToday, type TodayResponse } from '../today-data';

export const dynamic = 'force-dynamic';

/**
 * Same-origin endpoint the Today card polls (`?site=&string=` as the page). The selection is
 * checked against the caller's own sites first, so a foreign id is a 404 here as on the page;
 * the token stays in the httpOnly cookie.
 */
export async function GET(request: NextRequest) {
  const token = request.cookies.get(SESSION_COOKIE)?.value;
  if (!token) {
    return json({ error: 'not signed in' }, 401);
  }
  try {
    const params = request.nextUrl.searchParams;
    const selection = selectSystem(await ownedSites(token), {
      site: params.get('site') ?? undefined,
      string: params.get('string') ?? undefined,
    });
    if (selection.kind !== 'selected') {
      return json({ error: 'not found' }, 404);
    }
    const timeZone = await siteTimezone(token, selection.site.id);
    return json(await loadToday(token, selection.stringIds, timeZone), 200);
  } catch (error) {
    // redirect() and notFound() throw; in a route handler they mean "sign in again" / "not found".
    const digest = String((error as { digest?: unknown }).digest ?? '');
    if (digest.startsWith('NEXT_REDIRECT')) {
      return json({ error: 'session expired' }, 401);
    }
    if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) {
      return json({ error: 'not found' }, 404);
    }
    return json({ error: 'the API is not answering' }, 502);
  }
}

function json(body: TodayResponse, status: number) {
  return NextResponse.json(body, { status, headers: { 'cache-control': 'no-store' } });
}
