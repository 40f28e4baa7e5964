'use client';

import '@fleet/ui/styles.css';
import './globals.css';
import { useSyncExternalStore } from 'react';
import { I18nProvider } from '../i18n/client';
import { dictionaryFor } from '../i18n/dictionary';
import { DEFAULT_LOCALE, LOCALE_COOKIE, type Locale, negotiateLocale } from '../i18n/locale';
import { parseTheme, THEME_COOKIE, type Theme } from '../shell/theme';
import { ErrorView } from './error-view';

interface Choice {
  locale: Locale;
  theme: Theme;
}

const SERVER_CHOICE: Choice = { locale: DEFAULT_LOCALE, theme: 'system' };
let cached: { cookie: string; choice: Choice } | undefined;

function cookieValue(cookie: string, name: string): string | undefined {
  const pair = cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return pair?.slice(name.length + 1);
}

/** The reader's language and scheme from the cookies the switches set (the layout is gone). */
function browserChoice(): Choice {
  const cookie = document.cookie;
  if (cached?.cookie !== cookie) {
    const locale = negotiateLocale(cookieValue(cookie, LOCALE_COOKIE), navigator.languages.join(','));
    cached = { cookie, choice: { locale, theme: parseTheme(cookieValue(cookie, THEME_COOKIE)) } };
  }
  return cached.choice;
}

const noSubscription = () => () => {};

/**
 * The last resort: the root layout itself failed (the header, the session, the dictionary), so
 * this replaces the whole document. Minimal on purpose: the shared error view with a retry, in
 * the language and scheme of the cookies (English and the system scheme until the browser has
 * read them, so the server's HTML and the first client render agree).
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const { locale, theme } = useSyncExternalStore(noSubscription, browserChoice, () => SERVER_CHOICE);
  const t = dictionaryFor(locale);
  return (
    <html lang={locale} data-theme={theme === 'system' ? undefined : theme}>
      <body>
        <title>{t.states.globalError.pageTitle}</title>
        <I18nProvider locale={locale}>
          <ErrorView what={t.states.globalError.what} error={error} retry={retry} />
        </I18nProvider>
      </body>
    </html>
  );
}
