'use server';

import { cookies } from 'next/headers';
import { isLocale, LOCALE_COOKIE } from '../../i18n/locale';
import { parseTheme, THEME_COOKIE } from '../../shell/theme';

const YEAR_S = 365 * 24 * 3600;
const preference = { path: '/', sameSite: 'lax', maxAge: YEAR_S, httpOnly: true } as const;

/** Language switch: remembered for a year; the page re-renders in the new language. */
export async function setLocale(form: FormData): Promise<void> {
  const locale = form.get('locale');
  if (isLocale(locale)) {
    (await cookies()).set(LOCALE_COOKIE, locale, preference);
  }
}

/** Colour scheme switch; "system" forgets the choice and follows the device again. */
export async function setTheme(form: FormData): Promise<void> {
  const theme = parseTheme(form.get('theme'));
  const jar = await cookies();
  if (theme === 'system') {
    jar.delete(THEME_COOKIE);
  } else {
    jar.set(THEME_COOKIE, theme, preference);
  }
}
