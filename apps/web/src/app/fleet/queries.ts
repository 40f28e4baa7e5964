import { getLocale } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import type { Finding } from '../../lib/api/types';
import { redirectToLogin, requireSessionToken } from '../../lib/session';
import { type FleetViewQuery, fleetApiQuery } from './fleet-query';
import type { FleetPage, FleetSites, SavedView } from './fleet-types';

/** The first page of the view; a refused token sends the user to sign in. */
export async function getFleetPage(query: FleetViewQuery): Promise<FleetPage> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/fleet', { params: { query: fleetApiQuery(query) } }),
  );
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load the fleet: ${result.message}`);
}

/** The sites for the map and the site filter; undefined when they could not be read (the table still works). */
export async function getFleetSites(): Promise<FleetSites | undefined> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) => api.GET('/api/fleet/sites'));
  return result.ok ? result.data : undefined;
}

/** The member's saved views; none for roles without them (owners) or when the API refuses. */
export async function getSavedViews(): Promise<SavedView[]> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) => api.GET('/api/saved-views'));
  return result.ok ? result.data : [];
}

/** The fleet's early warnings in the page's language; undefined when they could not be read (the table still works). */
export async function getFleetFindings(): Promise<Finding[] | undefined> {
  const token = await requireSessionToken();
  const result = await callApi({ token, locale: await getLocale() }, (api) => api.GET('/api/fleet/findings'));
  return result.ok ? result.data.items : undefined;
}
