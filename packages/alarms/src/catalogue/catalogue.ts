// The alarm catalogue of every supported protocol, in each catalogue language, validated once when
// this module loads. The languages differ only in the texts (title, meaning, causes, first steps).
import type { AlarmLanguage, Localized } from './alarm-language.js';
import { hvCanEntries } from './hv-can.table.js';
import { type Catalogue, loadCatalogue } from './load-catalogue.js';
import { lvCanEntries } from './lv-can.table.js';
import { rs485Entries } from './rs485.table.js';

const catalogueIn = (lang: AlarmLanguage): Catalogue =>
  loadCatalogue([hvCanEntries(lang), lvCanEntries(lang), rs485Entries(lang)]);

/** The English catalogue (the source text). */
export const ALARM_CATALOGUE: Catalogue = catalogueIn('en');

const CATALOGUES: Localized<Catalogue> = { en: ALARM_CATALOGUE, de: catalogueIn('de') };

/** The catalogue with its texts in `lang`; codes, words, bits and every other field are the same. */
export function catalogueFor(lang: AlarmLanguage): Catalogue {
  return CATALOGUES[lang];
}
