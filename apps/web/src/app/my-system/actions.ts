'use server';

import { interpolate } from '../../i18n/dictionary';
import { getI18n } from '../../i18n/server';
import { callApi } from '../../lib/api/client';
import { type PreferencesBody, preferencesFromForm } from '../../lib/owner/preferences-form';
import { redirectToLogin, requireSessionToken } from '../../lib/session';

export interface PreferencesState {
  /** What the form shows: the saved values after a save, the submitted ones after a refusal. */
  values: PreferencesBody;
  outcome?: { ok: true; message: string } | { ok: false; message: string };
}

/** Form action of the notification settings: PUT /api/me/notification-preferences. */
export async function savePreferences(
  _previous: PreferencesState,
  form: FormData,
): Promise<PreferencesState> {
  const [{ t }, token] = await Promise.all([getI18n(), requireSessionToken()]);
  const body = preferencesFromForm(form);
  const result = await callApi({ token }, (api) => api.PUT('/api/me/notification-preferences', { body }));
  if (result.ok) {
    return { values: result.data, outcome: { ok: true, message: t.owner.notifications.saved } };
  }
  if (result.status === 401) {
    redirectToLogin('expired');
  }
  return {
    values: body,
    outcome: { ok: false, message: interpolate(t.owner.notifications.failed, { message: result.message }) },
  };
}
