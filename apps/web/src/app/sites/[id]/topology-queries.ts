import { callApi } from '../../../lib/api/client';
import { redirectToLogin, requireSessionToken } from '../../../lib/session';
import type { SiteTopology } from './topology-types';

/** The site's topology, or the API's message when it could not be read (the section shows it). */
export async function getTopology(
  siteId: string,
): Promise<{ ok: true; data: SiteTopology } | { ok: false; message: string }> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/sites/{id}/topology', { params: { path: { id: siteId } } }),
  );
  if (!result.ok && result.status === 401) {
    redirectToLogin('expired');
  }
  return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
}
