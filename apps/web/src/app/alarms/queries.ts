import { getLocale } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import type { AlarmList } from '../../lib/api/types';
import { redirectToLogin, requireSessionToken } from '../../lib/session';
import { type AlarmFilters, alarmQuery } from './filters';

/** One page of the inbox, newest firing first; a refused token sends the user to sign in. */
export async function getAlarmPage(filters: AlarmFilters, cursor?: string): Promise<AlarmList> {
  const token = await requireSessionToken();
  const result = await callApi({ token, locale: await getLocale() }, (api) =>
    api.GET('/api/alarms', { params: { query: alarmQuery(filters, cursor) } }),
  );
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load alarms: ${result.message}`);
}
