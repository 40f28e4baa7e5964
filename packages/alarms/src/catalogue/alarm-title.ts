// The title of an alarm by its code, in a catalogue language: a catalogue bit's entry title, or
// the derived rule's title below. Ingest stores the English title with the alarm; readers that
// show another language localize from the code (the stored title stays the fallback).
import type { DerivedRuleId } from '../rules/rule.schema.js';
import type { AlarmLanguage, Localized } from './alarm-language.js';
import { catalogueFor } from './catalogue.js';

/** Titles of the derived rules (catalogue codes carry their own), every rule in every language. */
export const DERIVED_TITLES: Localized<Readonly<Record<DerivedRuleId, string>>> = {
  en: {
    'derived.cell_imbalance': 'Cell imbalance',
    'derived.weak_cell': 'Weak cell drifting from its module',
    'derived.soh_low': 'State of health low',
    'derived.soh_fade_vs_fleet': 'State of health fading faster than the fleet',
    'derived.temperature_range': 'Temperature outside the working range',
    'derived.string_stale': 'String silent',
    'derived.gateway_stale': 'Gateway silent',
    'derived.spool_backlog': 'Gateway spool backlog growing',
    'derived.data_gap': 'Gap in stored data',
    'derived.finding.weak_cell': 'Early warning: a weak cell reaches the cut-off first',
    'derived.finding.balancing_starved': 'Early warning: no full charge, balancing starved',
    'derived.finding.fast_fade': 'Early warning: fading faster than its cohort',
    'derived.finding.cell_drift': 'Early warning: cells drifting apart week over week',
    'derived.finding.high_temp_dwell': 'Early warning: chronic high temperature',
    'derived.finding.high_soc_dwell': 'Early warning: chronic high state of charge',
  },
  de: {
    'derived.cell_imbalance': 'Zellungleichgewicht',
    'derived.weak_cell': 'Schwache Zelle driftet von ihrem Modul weg',
    'derived.soh_low': 'Niedriger Gesundheitszustand (SOH)',
    'derived.soh_fade_vs_fleet': 'Gesundheitszustand sinkt schneller als in der Flotte',
    'derived.temperature_range': 'Temperatur außerhalb des Arbeitsbereichs',
    'derived.string_stale': 'Strang meldet sich nicht',
    'derived.gateway_stale': 'Gateway meldet sich nicht',
    'derived.spool_backlog': 'Rückstau im Gateway-Zwischenspeicher wächst',
    'derived.data_gap': 'Lücke in den gespeicherten Daten',
    'derived.finding.weak_cell': 'Frühwarnung: Eine schwache Zelle erreicht die Abschaltgrenze zuerst',
    'derived.finding.balancing_starved': 'Frühwarnung: keine Vollladung, Balancing kommt nicht zum Zug',
    'derived.finding.fast_fade': 'Frühwarnung: altert schneller als seine Vergleichsgruppe',
    'derived.finding.cell_drift': 'Frühwarnung: Zellen driften Woche für Woche auseinander',
    'derived.finding.high_temp_dwell': 'Frühwarnung: dauerhaft hohe Temperatur',
    'derived.finding.high_soc_dwell': 'Frühwarnung: dauerhaft hoher Ladezustand',
  },
};

/** The title of `code` in `lang`, or undefined for a code neither the catalogue nor a derived rule knows. */
export function alarmTitleIn(code: string, lang: AlarmLanguage): string | undefined {
  return (
    catalogueFor(lang).byCode.get(code)?.title ??
    (DERIVED_TITLES[lang] as Readonly<Record<string, string>>)[code]
  );
}

/** The title of `code` in `lang`; the code itself when nothing knows it. */
export function alarmTitle(code: string, lang: AlarmLanguage = 'en'): string {
  return alarmTitleIn(code, lang) ?? code;
}
