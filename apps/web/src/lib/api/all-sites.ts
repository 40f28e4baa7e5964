import { type ApiResult, callApi } from './client';
import type { SiteSummary } from './types';

/** The most GET /api/sites returns per page. */
const MOST = 200;

/**
 * Every site in the caller's scope, by name, following GET /api/sites page by page; for pages
 * that need all of them at once (names in the alarm inbox, an owner's own sites).
 */
export async function allSites(token: string): Promise<ApiResult<SiteSummary[]>> {
  const sites: SiteSummary[] = [];
  let cursor: string | undefined;
  do {
    const after = cursor;
    const page = await callApi({ token }, (api) =>
      api.GET('/api/sites', { params: { query: { limit: MOST, ...(after ? { cursor: after } : {}) } } }),
    );
    if (!page.ok) {
      return page;
    }
    sites.push(...page.data.items);
    cursor = page.data.nextCursor ?? undefined;
  } while (cursor);
  return { ok: true, data: sites };
}
