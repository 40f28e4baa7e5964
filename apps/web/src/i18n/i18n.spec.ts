import { describe, expect, it } from 'vitest';
import { de } from './de';
import { dictionaryFor, interpolate } from './dictionary';
import { en } from './en';
import { localeFromAcceptLanguage, negotiateLocale } from './locale';

/** Every leaf path of a nested dictionary, e.g. `alarms.loadMore`. */
function leaves(node: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      for (const [p, v] of leaves(value, path)) {
        out.set(p, v);
      }
    } else {
      out.set(path, value);
    }
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  const english = leaves(en);
  const german = leaves(de);

  it('have the same keys in both locales', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have a non-empty text for every key, with the same placeholders', () => {
    for (const [key, text] of english) {
      const other = german.get(key);
      expect(typeof text === 'string' && text.trim().length > 0, `en ${key}`).toBe(true);
      expect(typeof other === 'string' && other.trim().length > 0, `de ${key}`).toBe(true);
      expect(placeholders(other as string), key).toEqual(placeholders(text as string));
    }
  });

  it('is not a copy: most German texts differ from the English ones', () => {
    const same = [...english].filter(([key, text]) => german.get(key) === text).length;
    expect(same / english.size).toBeLessThan(0.2);
  });

  it('are picked by locale', () => {
    expect(dictionaryFor('de').shell.signOut).toBe('Abmelden');
    expect(dictionaryFor('en').shell.signOut).toBe('Sign out');
  });
});

describe('interpolate', () => {
  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(interpolate('{ok} acknowledged, {refused} refused.', { ok: 2, refused: 0 })).toBe(
      '2 acknowledged, 0 refused.',
    );
    expect(interpolate('vor {n} min', {})).toBe('vor {n} min');
  });
});

describe('locale negotiation', () => {
  it('prefers the cookie, then the best supported Accept-Language, then English', () => {
    expect(negotiateLocale('de', 'en-US')).toBe('de');
    expect(negotiateLocale(undefined, 'fr-FR,de-AT;q=0.8,en;q=0.5')).toBe('de');
    expect(negotiateLocale('xx', 'en;q=0.3,de;q=0.9')).toBe('de');
    expect(negotiateLocale(undefined, 'fr, it;q=0.5')).toBe('en');
    expect(negotiateLocale(undefined, undefined)).toBe('en');
  });

  it('ignores languages with weight 0 and keeps header order on ties', () => {
    expect(localeFromAcceptLanguage('de;q=0, en')).toBe('en');
    expect(localeFromAcceptLanguage('de, en')).toBe('de');
    expect(localeFromAcceptLanguage('')).toBeUndefined();
  });
});
