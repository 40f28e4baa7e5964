import { describe, expect, it } from 'vitest';
import { weeklyReportHtml, weeklyReportText } from './weekly-report.html.js';
import { weeklyReport } from './weekly-report.model.js';
import { REPORT_TEXTS, reportPercent, reportVisitTitles } from './weekly-report.texts.js';

const week = {
  isoWeek: '2027-W02',
  from: new Date('2027-01-11T00:00:00Z'),
  to: new Date('2027-01-18T00:00:00Z'),
};
const report = weeklyReport(
  {
    tenantName: 'Solar Müller',
    newFindings: [
      {
        site: 'Dach',
        string: 'A',
        title: 'Fast SOH fade',
        severity: 'info',
        at: new Date('2027-01-12T08:30:00Z'),
      },
    ],
    newAlarms: 2,
    needingVisit: [
      {
        site: 'Dach',
        string: 'A',
        worstSeverity: 'critical',
        alarms: 1,
        titles: [{ code: 'x.relay', title: 'Relay' }],
      },
    ],
    offlineSites: [{ site: 'Scheune', lastSampleAt: null }],
    completeness: [
      { site: 'Dach', strings: 1, coveredS: 0.125 * 7 * 86_400 },
      { site: 'Leer', strings: 0, coveredS: 0 },
    ],
  },
  week,
);

describe('weekly report texts', () => {
  it('has the same parts in every language, none of them empty', () => {
    const shape = (t: (typeof REPORT_TEXTS)['en']) =>
      Object.fromEntries(Object.entries(t).map(([k, v]) => [k, Array.isArray(v) ? v.length : typeof v]));
    expect(shape(REPORT_TEXTS.de)).toEqual(shape(REPORT_TEXTS.en));
    for (const t of Object.values(REPORT_TEXTS)) {
      expect(t.findingsHead).toHaveLength(5);
      expect(Object.keys(t.severity).sort()).toEqual(['critical', 'info', 'major', 'warning']);
    }
  });

  it('renders the HTML in German: language, title, sections, severities, empty texts and decimal comma', () => {
    const html = weeklyReportHtml(report, 'de');
    expect(html).toContain('<html lang="de">');
    expect(html).toContain('<h1>Wöchentlicher Flottenbericht 2027-W02 — Solar Müller</h1>');
    for (const section of REPORT_TEXTS.de.sections) {
      expect(html).toContain(`<h2>${section}</h2>`);
    }
    expect(html).toContain('2027-01-11 00:00 bis 2027-01-18 00:00 UTC.');
    expect(html).toContain(
      '1 neue Frühwarnungen, 2 neue Alarme, 1 Strings mit Besuchsbedarf, 1 Standorte ohne Daten',
    );
    expect(html).toContain('<td>Hinweis</td><td>2027-01-12 08:30</td>');
    expect(html).toContain('<td>kritisch</td>');
    expect(html).toContain('<td>Scheune</td><td>nie</td>');
    expect(html).toContain('<td>12,5 %</td>');
    expect(html).toContain('<td>keine Strings</td>');
    expect(html).not.toContain('Weekly fleet report');
  });

  it('keeps the English mail as it was, with a decimal point', () => {
    const html = weeklyReportHtml(report);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('1 new findings, 2 new alarms, 1 strings needing a visit, 1 offline sites');
    expect(html).toContain('<td>12.5 %</td>');
    expect(html).toContain('<td>Scheune</td><td>never</td>');
    expect(weeklyReportText(report, 'de').split('\n')[0]).toBe(
      'Wöchentlicher Flottenbericht 2027-W02 — Solar Müller',
    );
    expect(REPORT_TEXTS.de.mailSubject('2027-W02', 3)).toBe(
      'Wöchentlicher Flottenbericht 2027-W02: 3 Strings brauchen einen Besuch',
    );
    expect(reportPercent(100, 'de')).toBe('100 %');
  });

  it('names a string’s open alarms in the language by code, the stored title for an unknown code', () => {
    const titles = [
      { code: 'derived.cell_imbalance', title: 'Cell imbalance' },
      { code: 'vendor.unknown', title: 'Relay stuck' },
      { code: 'derived.finding.fast_fade', title: 'Fast SOH fade against its cohort' },
    ];
    expect(reportVisitTitles(titles, 'de')).toBe(
      'Frühwarnung: altert schneller als seine Vergleichsgruppe; Relay stuck; Zellungleichgewicht',
    );
    expect(reportVisitTitles(titles, 'en')).toBe(
      'Cell imbalance; Fast SOH fade against its cohort; Relay stuck',
    );
    const html = weeklyReportHtml(report, 'de');
    expect(html).toContain('<td>Relay</td>');
  });
});
