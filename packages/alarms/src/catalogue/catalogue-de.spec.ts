// The German catalogue says the same as the English one: the same entries, and in every text the
// same numbers, message ids, references and abbreviations, in words that are actually German.
import { describe, expect, it } from 'vitest';
import { alarmTitle, DERIVED_TITLES } from './alarm-title.js';
import { catalogueFor } from './catalogue.js';
import type { CatalogueEntry } from './catalogue-entry.js';
import { CONDITION_TEXTS_DE } from './condition-texts.de.js';
import { CONDITION_TEXTS, type ConditionText } from './condition-texts.js';
import { ALARM_WORDS } from './words.table.js';

const en = catalogueFor('en');
const de = catalogueFor('de');

/** Numbers (thousands separators and decimal commas normalised), hex ids, § references, acronyms, ⚠. */
function facts(text: string, lang: 'en' | 'de'): string[] {
  const tokens = text.match(/0x[0-9A-F]+|§[\d.]+\d|\d+(?:[.,]\d+)*|\b[A-Z]{2,}\b|⚠/g) ?? [];
  const normalised = tokens.map((token) => {
    if (!/^\d/.test(token)) {
      return token;
    }
    return lang === 'en'
      ? token.replace(/,(?=\d{3}\b)/g, '')
      : token.replace(/\.(?=\d{3}\b)/g, '').replace(',', '.');
  });
  return [...new Set(normalised)].sort();
}

const textsOf = (e: Pick<CatalogueEntry, 'title' | 'meaning' | 'causes' | 'firstSteps'>) => [
  e.title,
  e.meaning,
  ...e.causes,
  ...e.firstSteps,
];

describe('German alarm catalogue', () => {
  it('has the same entries as the English one, differing only in the texts', () => {
    expect(de.entries.map((e) => e.code)).toEqual(en.entries.map((e) => e.code));
    for (const entry of en.entries) {
      const german = de.byCode.get(entry.code)!;
      const strip = ({ title, meaning, causes, firstSteps, ...rest }: CatalogueEntry) => ({
        ...rest,
        causes: causes.length,
        firstSteps: firstSteps.length,
      });
      expect(strip(german), entry.code).toEqual(strip(entry));
    }
  });

  it('translates every text, keeping its numbers, ids, references and abbreviations', () => {
    for (const entry of en.entries) {
      const german = de.byCode.get(entry.code)!;
      const pairs = textsOf(entry).map((text, i) => [text, textsOf(german)[i]!] as const);
      for (const [english, translated] of pairs) {
        expect(translated, entry.code).not.toBe(english);
        expect(facts(translated, 'de'), `${entry.code}: ${translated}`).toEqual(facts(english, 'en'));
      }
    }
  });

  it('has a German text for every shared condition, with the same facts', () => {
    const keys = Object.keys(CONDITION_TEXTS) as (keyof typeof CONDITION_TEXTS)[];
    expect(Object.keys(CONDITION_TEXTS_DE).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const english: ConditionText = CONDITION_TEXTS[key];
      const german = CONDITION_TEXTS_DE[key];
      expect(german.causes.length, key).toBe(english.causes.length);
      expect(german.firstSteps.length, key).toBe(english.firstSteps.length);
      expect(facts(german.what, 'de'), key).toEqual(facts(english.what, 'en'));
    }
  });

  it('labels every word in German too', () => {
    for (const word of ALARM_WORDS) {
      expect(word.labels.de, word.id).not.toBe(word.labels.en);
      expect(facts(word.labels.de, 'de'), word.id).toEqual(facts(word.labels.en, 'en'));
    }
  });
});

describe('alarmTitle', () => {
  it('titles catalogue codes and derived rules in the language asked for', () => {
    expect(alarmTitle('hv.protection.cell_high_voltage')).toBe('Cell high voltage');
    expect(alarmTitle('hv.protection.cell_high_voltage', 'de')).toBe('Zellüberspannung');
    expect(alarmTitle('hv.alarm.cell_high_voltage', 'de')).toBe('Zellüberspannung (Warnung)');
    expect(alarmTitle('derived.cell_imbalance', 'en')).toBe('Cell imbalance');
    expect(alarmTitle('derived.cell_imbalance', 'de')).toBe('Zellungleichgewicht');
    expect(alarmTitle('no.such.code', 'de')).toBe('no.such.code');
  });

  it('has a German title for every derived rule, none left in English', () => {
    expect(Object.keys(DERIVED_TITLES.de)).toEqual(Object.keys(DERIVED_TITLES.en));
    for (const [id, title] of Object.entries(DERIVED_TITLES.de)) {
      expect(title, id).not.toBe(DERIVED_TITLES.en[id as keyof typeof DERIVED_TITLES.en]);
    }
  });
});
