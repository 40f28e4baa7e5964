import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { type Dictionary, dictionaryFor } from './dictionary';
import { LOCALE_COOKIE, type Locale, negotiateLocale } from './locale';

/** The request's locale (cookie, else Accept-Language, else English); once per request. */
export const getLocale = cache(async (): Promise<Locale> => {
  const [jar, head] = await Promise.all([cookies(), headers()]);
  return negotiateLocale(jar.get(LOCALE_COOKIE)?.value, head.get('accept-language'));
});

export async function getI18n(): Promise<{ locale: Locale; t: Dictionary }> {
  const locale = await getLocale();
  return { locale, t: dictionaryFor(locale) };
}
