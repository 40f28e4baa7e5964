import { getLocale } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import type { LatestPackSample, StringDetail, StringFindings } from '../../../lib/api/types';
import { redirectToLogin, requireSessionToken } from '../../../lib/session';

/** The string with its site, or null when the caller's tenant has no such string (or the id is malformed). */
export async function getStringDetail(id: string): Promise<StringDetail | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}', { params: { path: { id } } }),
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
  throw new Error(`Could not load the string: ${result.message}`);
}

/** The newest pack sample, or null when the string has not reported one yet. */
export async function getLatestSample(id: string): Promise<LatestPackSample | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/strings/{id}/latest', { params: { path: { id } } }),
  );
  if (result.ok) {
    return result.data;
  }
  if (result.status === 404) {
    return null;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load the latest sample: ${result.message}`);
}

/** The string's early warnings (explanations in the page's language) with their daily values; undefined when they could not be read (the page still works). */
export async function getStringFindings(id: string): Promise<StringFindings | undefined> {
  const token = await requireSessionToken();
  const result = await callApi({ token, locale: await getLocale() }, (api) =>
    api.GET('/api/strings/{id}/findings', { params: { path: { id } } }),
  );
  return result.ok ? result.data : undefined;
}
