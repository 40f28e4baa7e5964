import { cookies } from 'next/headers';
import { LOCALE_COOKIE, type Locale } from '../../i18n/locale';
import { localeToAdopt } from './stored-locale';

const YEAR_S = 365 * 24 * 3600;
/** How the web's preference cookies are set (language, theme): a year, the whole site. */
export const PREFERENCE_COOKIE = { path: '/', sameSite: 'lax', maxAge: YEAR_S, httpOnly: true } as const;

export async function rememberLocale(locale: Locale): Promise<void> {
  (await cookies()).set(LOCALE_COOKIE, locale, PREFERENCE_COOKIE);
}

/** At sign-in: the person's stored language becomes the device's when it has none yet. */
export async function adoptStoredLocale(stored: unknown): Promise<void> {
  const locale = localeToAdopt((await cookies()).get(LOCALE_COOKIE)?.value, stored);
  if (locale) {
    await rememberLocale(locale);
  }
}
