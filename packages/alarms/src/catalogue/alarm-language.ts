// The languages the catalogue and the alarm titles are written in. English is the source; every
// other language has the same keys and the same facts (catalogue-de.spec.ts).

export const alarmLanguages = ['en', 'de'] as const;
export type AlarmLanguage = (typeof alarmLanguages)[number];
export const DEFAULT_ALARM_LANGUAGE: AlarmLanguage = 'en';

/** One text in every catalogue language. */
export type Localized<T = string> = { readonly [L in AlarmLanguage]: T };

export function isAlarmLanguage(value: unknown): value is AlarmLanguage {
  return typeof value === 'string' && (alarmLanguages as readonly string[]).includes(value);
}

/** `{name}` placeholders filled from `values`; an unknown name stays as it is. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
