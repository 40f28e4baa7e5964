import { callApi } from '../../../../lib/api/client';
import { redirectToLogin, requireSessionToken } from '../../../../lib/session';
import type { WarrantyStatus } from './projection-texts';

export const EXCURSIONS_PER_PAGE = 25;

/** The string's warranty status, or null for an unknown or foreign string (404) or a bad id. */
export async function getWarranty(id: string, offset: number): Promise<WarrantyStatus | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/warranty', {
      params: { path: { id }, query: { excursionOffset: offset, excursionLimit: EXCURSIONS_PER_PAGE } },
    }),
  );
  if (result.ok) {
    return result.data;
  }
  if (result.status === 404 || result.status === 400) {
    return null;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load the warranty status: ${result.message}`);
}
