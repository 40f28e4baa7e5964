import Link from 'next/link';
import { logout } from '../app/login/actions';
import { interpolate } from '../i18n/dictionary';
import type { Dictionary } from '../i18n/en';
import type { Locale } from '../i18n/locale';
import type { User } from '../lib/api/types';
import { navFor } from './nav';
import { NavLinks } from './nav-links';
import { Preferences } from './preferences';
import type { Theme } from './theme';

interface AppHeaderProps {
  me: User | undefined;
  locale: Locale;
  theme: Theme;
  t: Dictionary;
}

/** Brand, the role's navigation, who is signed in, language and scheme switches, sign out. */
export function AppHeader({ me, locale, theme, t }: AppHeaderProps) {
  return (
    <header className="app-header">
      <div className="app-header__row">
        <Link href="/sites" className="app-brand">
          {t.shell.brand}
        </Link>
        {me ? <NavLinks items={navFor(me.role, t)} label={t.shell.mainNav} /> : null}
        <div className="app-header__end">
          <Preferences locale={locale} theme={theme} t={t} />
          {me ? (
            <div className="app-user">
              <span className="app-user__name" data-testid="signed-in-user">
                <span className="visually-hidden">
                  {interpolate(t.shell.signedInAs, { name: me.name, role: t.roles[me.role] })}
                </span>
                <span aria-hidden="true">
                  {me.name} · {t.roles[me.role]}
                </span>
              </span>
              <form action={logout}>
                <button type="submit" className="app-link-button">
                  {t.shell.signOut}
                </button>
              </form>
            </div>
          ) : null}
        </div>
      </div>
    </header>
  );
}
