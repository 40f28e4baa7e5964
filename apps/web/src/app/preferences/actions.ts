'use server';

import { cookies } from 'next/headers';
import { isLocale } from '../../i18n/locale';
import { callApi } from '../../lib/api/client';
import { readSessionToken } from '../../lib/session';
import { parseTheme, THEME_COOKIE } from '../../shell/theme';
import { PREFERENCE_COOKIE, rememberLocale } from './locale-cookie';

/**
 * Language switch: remembered for a year; the page re-renders in the new language. A signed-in
 * person's choice is saved with them too (PATCH /api/me), so their mails go out in it; best
 * effort: the switch works on this device even when the API does not answer.
 */
export async function setLocale(form: FormData): Promise<void> {
  const locale = form.get('locale');
  if (!isLocale(locale)) {
    return;
  }
  await rememberLocale(locale);
  const token = await readSessionToken();
  if (token) {
    await callApi({ token }, (api) => api.PATCH('/api/me', { body: { locale } }));
  }
}

/** Colour scheme switch; "system" forgets the choice and follows the device again. */
export async function setTheme(form: FormData): Promise<void> {
  const theme = parseTheme(form.get('theme'));
  const jar = await cookies();
  if (theme === 'system') {
    jar.delete(THEME_COOKIE);
  } else {
    jar.set(THEME_COOKIE, theme, PREFERENCE_COOKIE);
  }
}
