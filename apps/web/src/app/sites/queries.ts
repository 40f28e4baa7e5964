import { allSites } from '../../lib/api/all-sites';
import { callApi } from '../../lib/api/client';
import type { SiteList, SiteSummary } from '../../lib/api/types';
import { redirectToLogin, requireSessionToken } from '../../lib/session';

/** Sites per page of the /sites list. */
export const SITE_PAGE_SIZE = 50;

/** The search of /sites?q=: trimmed, at most what the API takes; empty means none. */
export function siteSearch(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200);
  return text ? text : undefined;
}

/** Query of GET /api/sites for a search and an optional cursor. */
export function siteQuery(q: string | undefined, cursor?: string) {
  return { ...(q ? { q } : {}), ...(cursor ? { cursor } : {}), limit: SITE_PAGE_SIZE };
}

/** One page of the caller's sites by name, matching `q`; a refused token sends the user to sign in. */
export async function getSitePage(q: string | undefined, cursor?: string): Promise<SiteList> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/sites', { params: { query: siteQuery(q, cursor) } }),
  );
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load sites: ${result.message}`);
}

/** All the caller's sites with their strings (every page); a refused token sends the user to sign in. */
export async function getSites(): Promise<SiteSummary[]> {
  const token = await requireSessionToken();
  const result = await allSites(token);
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load sites: ${result.message}`);
}
