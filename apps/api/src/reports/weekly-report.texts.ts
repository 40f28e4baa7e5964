import { alarmTitleIn } from '@fleet/alarms';

/** The languages the weekly report is written in (the web's, apps/web/src/i18n/locale.ts). */
export const REPORT_LOCALES = ['en', 'de'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/**
 * The preview's language when none is asked for. The mail goes out in each recipient's own
 * language (app_user.locale), rendered once per language.
 */
export const DEFAULT_REPORT_LOCALE: ReportLocale = 'en';

interface Totals {
  newFindings: number;
  newAlarms: number;
  needingVisit: number;
  offlineSites: number;
}

/** Every word of the report (HTML mail, plain text, PDF) in one language. */
export interface ReportTexts {
  title: (isoWeek: string) => string;
  /** `from` and `to` already formatted (UTC). */
  period: (from: string, to: string) => string;
  /** The HTML's lead; its counts in the order of `Totals`. */
  summary: (t: Totals) => string;
  /** The PDF's lead after the organisation's name. */
  pdfSummary: (t: Totals) => string;
  /** New findings, strings needing a visit, offline sites, data completeness. */
  sections: readonly [string, string, string, string];
  findingsHead: readonly string[];
  visitHead: readonly string[];
  offlineHead: readonly string[];
  completenessHead: readonly string[];
  /** The PDF's shorter column titles (narrow columns). */
  pdfFindingsHead: readonly string[];
  pdfVisitHead: readonly string[];
  noFindings: string;
  noVisit: string;
  allReporting: string;
  noSites: string;
  never: string;
  noStrings: string;
  severity: Record<string, string>;
  mailSubject: (isoWeek: string, needingVisit: number) => string;
  textLines: (t: Totals) => string[];
}

export const REPORT_TEXTS: Record<ReportLocale, ReportTexts> = {
  en: {
    title: (w) => `Weekly fleet report ${w}`,
    period: (from, to) => `${from} to ${to} UTC.`,
    summary: (t) =>
      `${t.newFindings} new findings, ${t.newAlarms} new alarms, ${t.needingVisit} strings needing a visit, ` +
      `${t.offlineSites} offline sites. The PDF is attached.`,
    pdfSummary: (t) =>
      `New findings ${t.newFindings}, new alarms ${t.newAlarms}, strings needing a visit ${t.needingVisit}, ` +
      `offline sites ${t.offlineSites}.`,
    sections: ['New findings', 'Strings needing a visit', 'Offline sites', 'Data completeness'],
    findingsHead: ['Site', 'String', 'Finding', 'Severity', 'First seen (UTC)'],
    visitHead: ['Site', 'String', 'Worst severity', 'Open alarms', 'What'],
    offlineHead: ['Site', 'Last data (UTC)'],
    completenessHead: ['Site', 'Strings', 'Data received'],
    pdfFindingsHead: ['Site', 'String', 'Finding', 'Severity', 'First seen'],
    pdfVisitHead: ['Site', 'String', 'Worst', 'Alarms', 'What'],
    noFindings: 'No new findings this week.',
    noVisit: 'No string needs a visit.',
    allReporting: 'Every site is reporting.',
    noSites: 'No sites.',
    never: 'never',
    noStrings: 'no strings',
    severity: { critical: 'critical', major: 'major', warning: 'warning', info: 'info' },
    mailSubject: (w, n) => `Weekly fleet report ${w}: ${n} strings need a visit`,
    textLines: (t) => [
      `New findings: ${t.newFindings}; new alarms: ${t.newAlarms}`,
      `Strings needing a visit: ${t.needingVisit}`,
      `Offline sites: ${t.offlineSites}`,
      'Details in the HTML part and the attached PDF.',
    ],
  },
  de: {
    title: (w) => `Wöchentlicher Flottenbericht ${w}`,
    period: (from, to) => `${from} bis ${to} UTC.`,
    summary: (t) =>
      `${t.newFindings} neue Frühwarnungen, ${t.newAlarms} neue Alarme, ${t.needingVisit} Strings mit ` +
      `Besuchsbedarf, ${t.offlineSites} Standorte ohne Daten. Das PDF ist angehängt.`,
    pdfSummary: (t) =>
      `Neue Frühwarnungen ${t.newFindings}, neue Alarme ${t.newAlarms}, Strings mit Besuchsbedarf ` +
      `${t.needingVisit}, Standorte ohne Daten ${t.offlineSites}.`,
    sections: [
      'Neue Frühwarnungen',
      'Strings mit Besuchsbedarf',
      'Standorte ohne Daten',
      'Datenvollständigkeit',
    ],
    findingsHead: ['Standort', 'String', 'Frühwarnung', 'Schweregrad', 'Zuerst gesehen (UTC)'],
    visitHead: ['Standort', 'String', 'Höchster Schweregrad', 'Offene Alarme', 'Worum es geht'],
    offlineHead: ['Standort', 'Letzte Daten (UTC)'],
    completenessHead: ['Standort', 'Strings', 'Empfangene Daten'],
    pdfFindingsHead: ['Standort', 'String', 'Frühwarnung', 'Schweregrad', 'Zuerst gesehen'],
    pdfVisitHead: ['Standort', 'String', 'Höchster', 'Alarme', 'Worum es geht'],
    noFindings: 'Diese Woche keine neuen Frühwarnungen.',
    noVisit: 'Kein String braucht einen Besuch.',
    allReporting: 'Alle Standorte senden Daten.',
    noSites: 'Keine Standorte.',
    never: 'nie',
    noStrings: 'keine Strings',
    severity: { critical: 'kritisch', major: 'schwer', warning: 'Warnung', info: 'Hinweis' },
    mailSubject: (w, n) => `Wöchentlicher Flottenbericht ${w}: ${n} Strings brauchen einen Besuch`,
    textLines: (t) => [
      `Neue Frühwarnungen: ${t.newFindings}; neue Alarme: ${t.newAlarms}`,
      `Strings mit Besuchsbedarf: ${t.needingVisit}`,
      `Standorte ohne Daten: ${t.offlineSites}`,
      'Einzelheiten im HTML-Teil und im angehängten PDF.',
    ],
  },
};

/** A timestamp as the report prints it: `2027-01-04 00:00` (UTC in both languages), or "never". */
export function reportTime(d: Date | null, texts: ReportTexts): string {
  return d ? d.toISOString().slice(0, 16).replace('T', ' ') : texts.never;
}

/** A share in the language's number format: `99.5 %` / `99,5 %`. */
export function reportPercent(pct: number, locale: ReportLocale): string {
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(pct)} %`;
}

/** A finding's title in the language, from the catalogue by its code; the stored (English) title otherwise. */
export function reportFindingTitle(f: { code?: string; title: string }, locale: ReportLocale): string {
  return locale === 'en' || !f.code ? f.title : (alarmTitleIn(f.code, locale) ?? f.title);
}

/**
 * The open alarms of a string needing a visit, in the language: each by its code (the stored title
 * when the code is unknown, as in the API's alarm texts), once, sorted, joined by `; `.
 */
export function reportVisitTitles(
  titles: ReadonlyArray<{ code: string; title: string }>,
  locale: ReportLocale,
): string {
  const names = new Set(titles.map((a) => reportFindingTitle(a, locale)));
  return [...names].sort((x, y) => x.localeCompare(y, locale)).join('; ');
}

/** A severity in the language, the stored word when it has none. */
export function reportSeverity(severity: string, texts: ReportTexts): string {
  return texts.severity[severity] ?? severity;
}
