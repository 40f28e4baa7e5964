import { callApi } from '../../../lib/api/client';
import { requireSessionToken } from '../../../lib/session';
import type { CommissioningStatus } from './checklist-types';

/** The checklist as the page first renders it; null when the caller may not see it (403/404). */
export async function getCommissioning(siteId: string): Promise<CommissioningStatus | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/sites/{id}/commissioning', { params: { path: { id: siteId } } }),
  );
  if (result.ok) {
    return result.data;
  }
  if ([400, 403, 404].includes(result.status)) {
    return null;
  }
  throw new Error(`Could not load the commissioning checklist: ${result.message}`);
}
