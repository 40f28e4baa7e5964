// The colour scheme: "system" follows prefers-color-scheme; "light"/"dark" are the user's choice,
// remembered in a cookie so the server renders the right scheme (no flash of the wrong one).
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'fleet_theme';

export function parseTheme(value: unknown): Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value)
    ? (value as Theme)
    : 'system';
}
