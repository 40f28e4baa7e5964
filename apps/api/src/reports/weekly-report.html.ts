import { REPORT_SECTIONS, type WeeklyReport } from './weekly-report.model.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : 'never');

function table(head: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) {
    return `<p>${esc(empty)}</p>`;
  }
  const th = head.map((h) => `<th scope="col" align="left">${esc(h)}</th>`).join('');
  const tr = rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
  return `<table cellpadding="4" cellspacing="0" border="1"><thead><tr>${th}</tr></thead><tbody>${tr}</tbody></table>`;
}

/** The report as the mail's HTML body (plain tables: mail clients render little CSS). */
export function weeklyReportHtml(r: WeeklyReport): string {
  const [findings, visit, offline, completeness] = REPORT_SECTIONS;
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>Weekly fleet report ${esc(r.isoWeek)}</title></head><body>`,
    `<h1>Weekly fleet report ${esc(r.isoWeek)} — ${esc(r.tenantName)}</h1>`,
    `<p>${day(r.from)} to ${day(r.to)} UTC. ${r.totals.newFindings} new findings, ${r.totals.newAlarms} new alarms, ` +
      `${r.totals.needingVisit} strings needing a visit, ${r.totals.offlineSites} offline sites. The PDF is attached.</p>`,
    `<h2>${findings}</h2>`,
    table(
      ['Site', 'String', 'Finding', 'Severity', 'First seen (UTC)'],
      r.newFindings.map((f) => [f.site, f.string ?? '', f.title, f.severity, day(f.at)]),
      'No new findings this week.',
    ),
    `<h2>${visit}</h2>`,
    table(
      ['Site', 'String', 'Worst severity', 'Open alarms', 'What'],
      r.needingVisit.map((v) => [v.site, v.string, v.worstSeverity, String(v.alarms), v.titles]),
      'No string needs a visit.',
    ),
    `<h2>${offline}</h2>`,
    table(
      ['Site', 'Last data (UTC)'],
      r.offlineSites.map((o) => [o.site, day(o.lastSampleAt)]),
      'Every site is reporting.',
    ),
    `<h2>${completeness}</h2>`,
    table(
      ['Site', 'Strings', 'Data received'],
      r.completeness.map((c) => [c.site, String(c.strings), c.pct === null ? 'no strings' : `${c.pct} %`]),
      'No sites.',
    ),
    '</body></html>',
  ].join('\n');
}

/** The plain-text alternative of the mail. */
export function weeklyReportText(r: WeeklyReport): string {
  return [
    `Weekly fleet report ${r.isoWeek} — ${r.tenantName}`,
    `${day(r.from)} to ${day(r.to)} UTC`,
    `New findings: ${r.totals.newFindings}; new alarms: ${r.totals.newAlarms}`,
    `Strings needing a visit: ${r.totals.needingVisit}`,
    `Offline sites: ${r.totals.offlineSites}`,
    'Details in the HTML part and the attached PDF.',
  ].join('\n');
}
