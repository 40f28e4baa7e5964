import { describe, expect, it } from 'vitest';
import type { FindingEvidence, FindingKind } from './finding.js';
import { FINDING_RULES } from './finding-rules.js';
import { findingExplanation } from './finding-text.js';
import type { StringFeatures } from './string-features.js';

const cohort = 'H48050/*/*/temperate/daily';
const relative = (value: number, median: number, z: number, n = 12): FindingEvidence => ({
  value,
  unit: '',
  threshold: 0,
  cohortMedian: median,
  z,
  cohort,
  cohortSize: n,
});
const absolute = (value: number): FindingEvidence => ({
  value,
  unit: '',
  threshold: 0,
  cohortMedian: null,
  z: null,
  cohort: null,
  cohortSize: null,
});

/** One evidence per kind, and the sentence each language makes of the same numbers. */
const CASES: [FindingKind, FindingEvidence, string, string][] = [
  [
    'weak_cell',
    { ...relative(61.4, 18.6, 8.6), detail: { cellNo: 19, cutoffDays: 45, ofDays: 52 } },
    "Cell 19 was the lowest cell on 87 % of 52 days, and the string's cell spread (61 mV) is far above its cohort's 19 mV: that cell reaches the discharge cut-off first and limits the whole string. Plan a module check or replacement.",
    'Zelle 19 war an 87 % von 52 Tagen die niedrigste Zelle, und die Zellspreizung des Strings (61 mV) liegt weit über den 19 mV seiner Kohorte: Diese Zelle erreicht die Entladeschlussspannung zuerst und begrenzt den ganzen String. Planen Sie eine Prüfung oder einen Tausch des Moduls.',
  ],
  [
    'balancing_starved',
    absolute(42),
    'The string has not reached 97 % SOC for 42 days, so the balancer (which works only at the top of charge) has not run. Let it charge fully at least once a month (inverter setting or a maintenance charge).',
    'Der String hat seit 42 Tagen keine 97 % SOC erreicht, daher ist der Balancer (der nur am oberen Ende der Ladung arbeitet) nicht gelaufen. Laden Sie ihn mindestens einmal im Monat voll (Einstellung am Wechselrichter oder eine Wartungsladung).',
  ],
  [
    'fast_fade',
    relative(4.26, 1.04, 6.33, 37),
    "SOH is fading 4.3 %/year against 1 %/year for its cohort of 37 strings (z = 6.3). Check the string's temperature, depth of discharge and cycle load before it reaches the warranty line.",
    'Der SOH sinkt um 4,3 %/Jahr, in seiner Kohorte aus 37 Strings um 1 %/Jahr (z = 6,3). Prüfen Sie Temperatur, Entladetiefe und Zyklenlast des Strings, bevor er die Garantiegrenze erreicht.',
  ],
  [
    'cell_drift',
    relative(2.75, 0.31, 4.88),
    'The cells drift apart by 2.8 mV a week (cohort 0.3 mV/week, z = 4.9). Look at the cell view for the module whose cells move away; a full charge lets the balancer pull them back if it is imbalance, not a failing cell.',
    'Die Zellen driften um 2,8 mV pro Woche auseinander (Kohorte 0,3 mV/Woche, z = 4,9). Suchen Sie in der Zellansicht das Modul, dessen Zellen sich entfernen; ist es ein Ungleichgewicht und keine ausfallende Zelle, holt der Balancer sie bei einer Vollladung zurück.',
  ],
  [
    'high_temp_dwell',
    absolute(5.44),
    'The hottest cell spends 5.4 h a day at 35 °C or more. Heat ages LFP cells fastest: improve ventilation or move the string out of the sun.',
    'Die heißeste Zelle verbringt 5,4 h am Tag bei 35 °C oder mehr. Hitze lässt LFP-Zellen am schnellsten altern: Verbessern Sie die Belüftung oder stellen Sie den String aus der Sonne.',
  ],
  [
    'high_soc_dwell',
    absolute(18),
    "The string spends 18 h a day at 95 % SOC or more. Standing full ages LFP cells: lower the inverter's charge target outside the balancing charge.",
    'Der String verbringt 18 h am Tag bei 95 % SOC oder mehr. Dauerhaft volle LFP-Zellen altern schneller: Senken Sie das Ladeziel des Wechselrichters außerhalb der Balancing-Ladung.',
  ],
];

describe('findingExplanation', () => {
  it.each(CASES)(
    '%s: the same numbers in English and in German (decimal comma)',
    (kind, evidence, en, de) => {
      expect(findingExplanation(kind, evidence, 'en')).toBe(en);
      expect(findingExplanation(kind, evidence, 'de')).toBe(de);
    },
  );

  it('reads evidence as stored (JSON) the same as the rule wrote it', () => {
    const [kind, evidence, en] = CASES[0]!;
    expect(findingExplanation(kind, JSON.parse(JSON.stringify(evidence)), 'en')).toBe(en);
  });

  it('gives null for an unknown kind or evidence without the numbers the sentence needs', () => {
    expect(findingExplanation('future_kind', absolute(1), 'de')).toBeNull();
    expect(findingExplanation('weak_cell', relative(61, 19, 8), 'de')).toBeNull();
    expect(findingExplanation('fast_fade', absolute(4), 'en')).toBeNull();
    expect(findingExplanation('high_soc_dwell', { value: 'x' }, 'en')).toBeNull();
    expect(findingExplanation('high_soc_dwell', null, 'en')).toBeNull();
  });

  it("is the rule's stored English sentence", () => {
    const features = {
      highTempHoursPerDay: 5.44,
      highSocHoursPerDay: null,
      daysSinceFull: null,
      fadePctPerYear: null,
      spreadGrowthMvPerWeek: null,
      recentSpreadMv: null,
      cutoffCell: null,
    } as unknown as StringFeatures;
    const none = { fade: null, spreadGrowth: null, recentSpread: null, daysSinceFull: null };
    const found = FINDING_RULES.map((rule) => rule(features, none)).filter((f) => f !== null);
    expect(found.map((f) => f.kind)).toEqual(['high_temp_dwell']);
    expect(found[0]!.explanation).toBe(CASES[4]![2]);
  });
});
