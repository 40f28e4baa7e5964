import { getLocale } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import { redirectToLogin, requireSessionToken } from '../../../lib/session';
import type {
  Alarm,
  LatestPackSample,
  SiteDetail,
  SiteEnergy,
  StringCells,
  StringModule,
} from './site-types';

type Result<T> = { ok: true; data: T } | { ok: false; status: number; message: string };

/** A missing thing (404, or a malformed id: 400) is null; a refused token signs in again; else an error. */
function settle<T>(result: Result<T>, what: string): T | null {
  if (result.ok) {
    return result.data;
  }
  if (result.status === 404 || result.status === 400) {
    return null;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load ${what}: ${result.message}`);
}

export async function getSiteDetail(id: string): Promise<SiteDetail | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) => api.GET('/api/sites/{id}', { params: { path: { id } } }));
  return settle(result, 'the site');
}

export async function getLatest(id: string): Promise<LatestPackSample | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/latest', { params: { path: { id } } }),
  );
  return settle(result, 'the latest sample');
}

export async function getModules(id: string): Promise<StringModule[]> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/modules', { params: { path: { id } } }),
  );
  return settle(result, 'the modules')?.items ?? [];
}

/** The newest cell snapshot with its outliers; null when the string has none yet. */
export async function getCells(id: string): Promise<StringCells | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/cells', { params: { path: { id } } }),
  );
  return settle(result, 'the cells');
}

/** Open and acknowledged alarms of the site, titles in the page's language (the worst per string is picked by the page). */
export async function getOpenAlarms(siteId: string): Promise<Alarm[]> {
  const token = await requireSessionToken();
  const result = await callApi({ token, locale: await getLocale() }, (api) =>
    api.GET('/api/alarms', {
      params: { query: { site: siteId, status: 'open,acknowledged', limit: 200 } },
    }),
  );
  return settle(result, 'the alarms')?.items ?? [];
}

/** Hourly energy of the site's local day (default today there); null when the API refuses the date. */
export async function getEnergy(siteId: string, date: string | undefined): Promise<SiteEnergy | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/sites/{id}/energy', {
      params: { path: { id: siteId }, query: date ? { date } : {} },
    }),
  );
  return settle(result, 'the energy of the day');
}
