// A finding's sentence for the installer as a function of its kind and its evidence numbers, in
// English or German. Ingest stores the English one (fleet_finding.explanation, for old readers);
// the API renders it again at read time in the caller's language from the stored evidence, so the
// two languages always say the same numbers.
import { FINDING_KINDS, type FindingKind } from './finding.js';
import { FULL_CHARGE_SOC_PCT } from './string-features.js';

export const FINDING_TEXT_LANGUAGES = ['en', 'de'] as const;
/** The languages a finding's explanation is written in (the same as the alarm catalogue's). */
export type FindingTextLanguage = (typeof FINDING_TEXT_LANGUAGES)[number];

/** The numbers a sentence uses, already formatted for its language. */
interface Numbers {
  value: string;
  median: string;
  n: string;
  z: string;
  cellNo: string;
  share: string;
  ofDays: string;
  days: string;
}

type Texts = Record<FindingKind, (n: Numbers) => string>;

const EN: Texts = {
  weak_cell: (n) =>
    `Cell ${n.cellNo} was the lowest cell on ${n.share} % of ${n.ofDays} days, and the string's cell spread (${n.value} mV) is far above its cohort's ${n.median} mV: that cell reaches the discharge cut-off first and limits the whole string. Plan a module check or replacement.`,
  balancing_starved: (n) =>
    `The string has not reached ${FULL_CHARGE_SOC_PCT} % SOC for ${n.days} days, so the balancer (which works only at the top of charge) has not run. Let it charge fully at least once a month (inverter setting or a maintenance charge).`,
  fast_fade: (n) =>
    `SOH is fading ${n.value} %/year against ${n.median} %/year for its cohort of ${n.n} strings (z = ${n.z}). Check the string's temperature, depth of discharge and cycle load before it reaches the warranty line.`,
  cell_drift: (n) =>
    `The cells drift apart by ${n.value} mV a week (cohort ${n.median} mV/week, z = ${n.z}). Look at the cell view for the module whose cells move away; a full charge lets the balancer pull them back if it is imbalance, not a failing cell.`,
  high_temp_dwell: (n) =>
    `The hottest cell spends ${n.value} h a day at 35 °C or more. Heat ages LFP cells fastest: improve ventilation or move the string out of the sun.`,
  high_soc_dwell: (n) =>
    `The string spends ${n.value} h a day at 95 % SOC or more. Standing full ages LFP cells: lower the inverter's charge target outside the balancing charge.`,
};

const DE: Texts = {
  weak_cell: (n) =>
    `Zelle ${n.cellNo} war an ${n.share} % von ${n.ofDays} Tagen die niedrigste Zelle, und die Zellspreizung des Strings (${n.value} mV) liegt weit über den ${n.median} mV seiner Kohorte: Diese Zelle erreicht die Entladeschlussspannung zuerst und begrenzt den ganzen String. Planen Sie eine Prüfung oder einen Tausch des Moduls.`,
  balancing_starved: (n) =>
    `Der String hat seit ${n.days} Tagen keine ${FULL_CHARGE_SOC_PCT} % SOC erreicht, daher ist der Balancer (der nur am oberen Ende der Ladung arbeitet) nicht gelaufen. Laden Sie ihn mindestens einmal im Monat voll (Einstellung am Wechselrichter oder eine Wartungsladung).`,
  fast_fade: (n) =>
    `Der SOH sinkt um ${n.value} %/Jahr, in seiner Kohorte aus ${n.n} Strings um ${n.median} %/Jahr (z = ${n.z}). Prüfen Sie Temperatur, Entladetiefe und Zyklenlast des Strings, bevor er die Garantiegrenze erreicht.`,
  cell_drift: (n) =>
    `Die Zellen driften um ${n.value} mV pro Woche auseinander (Kohorte ${n.median} mV/Woche, z = ${n.z}). Suchen Sie in der Zellansicht das Modul, dessen Zellen sich entfernen; ist es ein Ungleichgewicht und keine ausfallende Zelle, holt der Balancer sie bei einer Vollladung zurück.`,
  high_temp_dwell: (n) =>
    `Die heißeste Zelle verbringt ${n.value} h am Tag bei 35 °C oder mehr. Hitze lässt LFP-Zellen am schnellsten altern: Verbessern Sie die Belüftung oder stellen Sie den String aus der Sonne.`,
  high_soc_dwell: (n) =>
    `Der String verbringt ${n.value} h am Tag bei 95 % SOC oder mehr. Dauerhaft volle LFP-Zellen altern schneller: Senken Sie das Ladeziel des Wechselrichters außerhalb der Balancing-Ladung.`,
};

const TEXTS: Record<FindingTextLanguage, Texts> = { en: EN, de: DE };

/** Which numbers each kind's sentence needs; a stored row without one keeps its stored text. */
const NEEDS: Record<FindingKind, readonly ('median' | 'n' | 'z' | 'cell')[]> = {
  weak_cell: ['median', 'cell'],
  balancing_starved: [],
  fast_fade: ['median', 'n', 'z'],
  cell_drift: ['median', 'z'],
  high_temp_dwell: [],
  high_soc_dwell: [],
};

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export const isFindingKind = (kind: string): kind is FindingKind =>
  (FINDING_KINDS as readonly string[]).includes(kind);

/**
 * The finding's sentence in `lang` from its kind and evidence (as the rule wrote it, or as read
 * back from JSON): one decimal for rates and hours, whole mV for a weak cell's spread, a decimal
 * comma in German. Null for a kind this build does not know or evidence missing a number the
 * sentence needs (a caller then shows the stored English text).
 */
export function findingExplanation(
  kind: string,
  evidence: unknown,
  lang: FindingTextLanguage,
): string | null {
  if (!isFindingKind(kind) || typeof evidence !== 'object' || evidence === null) {
    return null;
  }
  const e = evidence as Record<string, unknown>;
  const detail = (typeof e.detail === 'object' && e.detail !== null ? e.detail : {}) as Record<
    string,
    unknown
  >;
  const needs = NEEDS[kind];
  if (
    !finite(e.value) ||
    (needs.includes('median') && !finite(e.cohortMedian)) ||
    (needs.includes('n') && !finite(e.cohortSize)) ||
    (needs.includes('z') && !finite(e.z)) ||
    (needs.includes('cell') && !(finite(detail.cellNo) && finite(detail.cutoffDays) && finite(detail.ofDays)))
  ) {
    return null;
  }
  const text = (v: number) => (lang === 'de' ? String(v).replace('.', ',') : String(v));
  const r1 = (v: unknown) => (finite(v) ? text(Math.round(v * 10) / 10) : '');
  const whole = (v: unknown) => (finite(v) ? text(Math.round(v)) : '');
  const mvWhole = kind === 'weak_cell';
  const numbers: Numbers = {
    value: mvWhole ? whole(e.value) : r1(e.value),
    median: mvWhole ? whole(e.cohortMedian) : r1(e.cohortMedian),
    n: whole(e.cohortSize),
    z: r1(e.z),
    cellNo: whole(detail.cellNo),
    share:
      finite(detail.cutoffDays) && finite(detail.ofDays) && detail.ofDays > 0
        ? whole((100 * detail.cutoffDays) / detail.ofDays)
        : '',
    ofDays: whole(detail.ofDays),
    days: whole(e.value),
  };
  return TEXTS[lang][kind](numbers);
}
