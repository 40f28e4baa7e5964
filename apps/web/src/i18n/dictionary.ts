import { de } from './de';
import { type Dictionary, en } from './en';
import type { Locale } from './locale';

export type { Dictionary } from './en';

const dictionaries: Record<Locale, Dictionary> = { en, de };

export function dictionaryFor(locale: Locale): Dictionary {
  return dictionaries[locale];
}

/** `interpolate('{n} sites', { n: 3 })` → `"3 sites"`; an unknown placeholder stays visible. */
export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
