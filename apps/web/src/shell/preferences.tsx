import { setLocale, setTheme } from '../app/preferences/actions';
import type { Dictionary } from '../i18n/en';
import { LOCALES, type Locale } from '../i18n/locale';
import { THEMES, type Theme } from './theme';

const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', de: 'Deutsch' };

/**
 * Language and colour-scheme switches as plain forms: they work without script, by keyboard,
 * and the server renders the chosen language and scheme on the next response.
 */
export function Preferences({ locale, theme, t }: { locale: Locale; theme: Theme; t: Dictionary }) {
  const themeLabels: Record<Theme, string> = {
    system: t.shell.themeSystem,
    light: t.shell.themeLight,
    dark: t.shell.themeDark,
  };
  return (
    <div className="app-prefs">
      <form action={setLocale} className="app-segmented" aria-label={t.shell.language}>
        {LOCALES.map((l) => (
          <button
            key={l}
            type="submit"
            name="locale"
            value={l}
            lang={l}
            aria-pressed={l === locale}
            title={LANGUAGE_NAMES[l]}
            data-testid={`locale-${l}`}
          >
            <span aria-hidden="true">{l.toUpperCase()}</span>
            <span className="visually-hidden">{LANGUAGE_NAMES[l]}</span>
          </button>
        ))}
      </form>
      <form action={setTheme} className="app-segmented" aria-label={t.shell.theme}>
        {THEMES.map((th) => (
          <button
            key={th}
            type="submit"
            name="theme"
            value={th}
            aria-pressed={th === theme}
            data-testid={`theme-${th}`}
          >
            {themeLabels[th]}
          </button>
        ))}
      </form>
    </div>
  );
}
