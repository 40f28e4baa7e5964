'use client';

import { createContext, type ReactNode, useContext } from 'react';
import { type Dictionary, dictionaryFor } from './dictionary';
import { DEFAULT_LOCALE, type Locale } from './locale';

const LocaleContext = createContext<Locale>(DEFAULT_LOCALE);

/** Gives client components (error boundaries, forms) the locale the server chose. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useI18n(): { locale: Locale; t: Dictionary } {
  const locale = useContext(LocaleContext);
  return { locale, t: dictionaryFor(locale) };
}
