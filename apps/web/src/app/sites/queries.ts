import { callApi } from '../../lib/api/client';
import type { SiteSummary } from '../../lib/api/types';
import { redirectToLogin, requireSessionToken } from '../../lib/session';

/** The caller's sites with their strings; a refused token sends the user to sign in again. */
export async function getSites(): Promise<SiteSummary[]> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) => api.GET('/api/sites'));
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load sites: ${result.message}`);
}
