import type { Locale } from '../../../i18n/locale';
import { callApi } from '../../../lib/api/client';
import { redirectToLogin, requireSessionToken } from '../../../lib/session';

/** Last week's report mail as HTML in the reader's language (GET /api/reports/weekly/preview). */
export async function getWeeklyPreview(locale: Locale): Promise<string> {
  const token = await requireSessionToken();
  const result = await callApi({ token }, (api) =>
    api.GET('/api/reports/weekly/preview', { params: { query: { locale } }, parseAs: 'text' }),
  );
  if (result.ok) {
    return result.data;
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  throw new Error(`Could not load the weekly report preview: ${result.message}`);
}
