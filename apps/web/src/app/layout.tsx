import '@fleet/ui/styles.css';
import './globals.css';
import type { Metadata, Viewport } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n/client';
import { getI18n } from '../i18n/server';
import { getMe } from '../lib/me';
import { AppHeader } from '../shell/app-header';
import { parseTheme, THEME_COOKIE } from '../shell/theme';

export const metadata: Metadata = {
  title: 'Fleet',
  description: 'Live view of Pylontech SC1000 high-voltage battery strings',
};

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, t }, me, jar] = await Promise.all([getI18n(), getMe(), cookies()]);
  const theme = parseTheme(jar.get(THEME_COOKIE)?.value);
  return (
    // data-theme absent = follow prefers-color-scheme (styles.css); set = the user's choice.
    <html lang={locale} data-theme={theme === 'system' ? undefined : theme}>
      <body>
        <a href="#main" className="skip-link">
          {t.shell.skipToContent}
        </a>
        <I18nProvider locale={locale}>
          <AppHeader me={me} locale={locale} theme={theme} t={t} />
          <div id="main" tabIndex={-1} className="app-main">
            {children}
          </div>
        </I18nProvider>
      </body>
    </html>
  );
}
