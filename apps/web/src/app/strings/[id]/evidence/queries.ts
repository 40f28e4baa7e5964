import { callApi } from '../../../../lib/api/client';
import type { components } from '../../../../lib/api/schema.gen';
import { redirectToLogin, requireSessionToken } from '../../../../lib/session';

export type EvidencePack = components['schemas']['EvidencePack'];

/** The string's packs, newest first; null for an unknown or foreign string (404) or a bad id. */
export async function getEvidencePacks(stringId: string): Promise<EvidencePack[] | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/evidence-packs', { params: { query: { stringId } } }),
  );
  if (result.ok) {
    return result.data.items;
  }
  if (result.status === 404 || result.status === 400) {
    return null;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load the evidence packs: ${result.message}`);
}
