import type { WeeklyReport } from './weekly-report.model.js';
import {
  DEFAULT_REPORT_LOCALE,
  REPORT_TEXTS,
  type ReportLocale,
  reportFindingTitle,
  reportPercent,
  reportSeverity,
  reportTime,
  reportVisitTitles,
} from './weekly-report.texts.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

function table(head: readonly string[], rows: string[][], empty: string): string {
  if (rows.length === 0) {
    return `<p>${esc(empty)}</p>`;
  }
  const th = head.map((h) => `<th scope="col" align="left">${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table cellpadding="4" cellspacing="0" border="1"><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

/** The report as the mail's HTML body (plain tables: mail clients render little CSS), in `locale`. */
export function weeklyReportHtml(r: WeeklyReport, locale: ReportLocale = DEFAULT_REPORT_LOCALE): string {
  const t = REPORT_TEXTS[locale];
  const day = (d: Date | null) => reportTime(d, t);
  const [findings, visit, offline, completeness] = t.sections;
  return [
    `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">`,
    `<title>${esc(t.title(r.isoWeek))}</title></head><body>`,
    `<h1>${esc(t.title(r.isoWeek))} — ${esc(r.tenantName)}</h1>`,
    `<p>${esc(t.period(day(r.from), day(r.to)))} ${esc(t.summary(r.totals))}</p>`,
    `<h2>${esc(findings)}</h2>`,
    table(
      t.findingsHead,
      r.newFindings.map((f) => [
        f.site,
        f.string ?? '',
        reportFindingTitle(f, locale),
        reportSeverity(f.severity, t),
        day(f.at),
      ]),
      t.noFindings,
    ),
    `<h2>${esc(visit)}</h2>`,
    table(
      t.visitHead,
      r.needingVisit.map((v) => [
        v.site,
        v.string,
        reportSeverity(v.worstSeverity, t),
        String(v.alarms),
        reportVisitTitles(v.titles, locale),
      ]),
      t.noVisit,
    ),
    `<h2>${esc(offline)}</h2>`,
    table(
      t.offlineHead,
      r.offlineSites.map((o) => [o.site, day(o.lastSampleAt)]),
      t.allReporting,
    ),
    `<h2>${esc(completeness)}</h2>`,
    table(
      t.completenessHead,
      r.completeness.map((c) => [
        c.site,
        String(c.strings),
        c.pct === null ? t.noStrings : reportPercent(c.pct, locale),
      ]),
      t.noSites,
    ),
    '</body></html>',
  ].join('\n');
}

/** The plain-text alternative of the mail, in `locale`. */
export function weeklyReportText(r: WeeklyReport, locale: ReportLocale = DEFAULT_REPORT_LOCALE): string {
  const t = REPORT_TEXTS[locale];
  return [
    `${t.title(r.isoWeek)} — ${r.tenantName}`,
    t.period(reportTime(r.from, t), reportTime(r.to, t)),
    ...t.textLines(r.totals),
  ].join('\n');
}
