import { getLocale } from '../../../i18n/server';
import { callApi } from '../../../lib/api/client';
import type { AlarmDetail, Member } from '../../../lib/api/types';
import { FALLBACK_TIME_ZONE } from '../../../lib/format/site-time';
import { redirectToLogin, requireSessionToken } from '../../../lib/session';

/** The alarm with its history and catalogue entry, or null when it is not in the caller's scope. */
export async function getAlarmDetail(id: string): Promise<AlarmDetail | null> {
  const token = await requireSessionToken();
  const result = await callApi({ token, locale: await getLocale() }, (api) =>
    api.GET('/api/alarms/{id}', { params: { path: { id } } }),
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
  throw new Error(`Could not load the alarm: ${result.message}`);
}

/** Members to assign to; only org admins may read the list, everyone else gets []. */
export async function getMembers(): Promise<Member[]> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) => api.GET('/api/members'));
  return result.ok ? result.data : [];
}

/** The IANA zone of the alarm's site, for its times; UTC (and saying so) when the site cannot be read. */
export async function getSiteTimeZone(siteId: string): Promise<string> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/sites/{id}', { params: { path: { id: siteId } } }),
  );
  return result.ok ? result.data.timezone : FALLBACK_TIME_ZONE;
}
