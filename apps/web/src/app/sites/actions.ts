'use server';

import { callApi } from '../../lib/api/client';
import type { SiteList } from '../../lib/api/types';
import { readSessionToken } from '../../lib/session';
import { siteQuery, siteSearch } from './queries';

export type SitePageOutcome = { ok: true; data: SiteList } | { ok: false; message: string };

/** "Load more" on /sites: the page after `cursor` for the same search (re-checked: this is an endpoint). */
export async function loadMoreSites(q: string | undefined, cursor: string): Promise<SitePageOutcome> {
  const token = await readSessionToken();
  if (!token) {
    return { ok: false, message: 'not signed in' };
  }
  const search = siteSearch(typeof q === 'string' ? q : undefined);
  const result = await callApi({ token }, (api) =>
    api.GET('/api/sites', { params: { query: siteQuery(search, String(cursor)) } }),
  );
  return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
}
