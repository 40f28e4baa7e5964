import PDFDocument from 'pdfkit';
import { heading, LEFT, paragraph, table } from '../evidence/pdf/pdf-layout.js';
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

/** The report as a PDF in `locale` (the evidence pack's layout helpers; standard fonts, nothing embedded). */
export async function weeklyReportPdf(
  r: WeeklyReport,
  generatedAt: Date,
  locale: ReportLocale = DEFAULT_REPORT_LOCALE,
): Promise<Buffer> {
  const t = REPORT_TEXTS[locale];
  const day = (d: Date | null) => reportTime(d, t);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    lang: locale,
    info: { Title: t.title(r.isoWeek), Author: r.tenantName, CreationDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(t.title(r.isoWeek), LEFT, 50);
  doc.moveDown(0.3);
  paragraph(doc, `${r.tenantName}. ${t.period(day(r.from), day(r.to))} ${t.pdfSummary(r.totals)}`);
  const [findings, visit, offline, completeness] = t.sections;
  heading(doc, findings);
  rows(
    doc,
    t.pdfFindingsHead,
    [90, 90, 175, 60, 80],
    r.newFindings.map((f) => [
      f.site,
      f.string ?? '',
      reportFindingTitle(f, locale),
      reportSeverity(f.severity, t),
      day(f.at),
    ]),
    t.noFindings,
  );
  heading(doc, visit);
  rows(
    doc,
    t.pdfVisitHead,
    [90, 90, 60, 45, 210],
    r.needingVisit.map((v) => [
      v.site,
      v.string,
      reportSeverity(v.worstSeverity, t),
      String(v.alarms),
      reportVisitTitles(v.titles, locale),
    ]),
    t.noVisit,
  );
  heading(doc, offline);
  rows(
    doc,
    t.offlineHead,
    [250, 245],
    r.offlineSites.map((o) => [o.site, day(o.lastSampleAt)]),
    t.allReporting,
  );
  heading(doc, completeness);
  rows(
    doc,
    t.completenessHead,
    [250, 100, 145],
    r.completeness.map((c) => [
      c.site,
      String(c.strings),
      c.pct === null ? t.noStrings : reportPercent(c.pct, locale),
    ]),
    t.noSites,
  );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function rows(
  doc: PDFKit.PDFDocument,
  titles: readonly string[],
  widths: number[],
  body: string[][],
  empty: string,
): void {
  if (body.length === 0) {
    paragraph(doc, empty);
    return;
  }
  table(
    doc,
    titles.map((title, i) => ({ title, width: widths[i] ?? 80 })),
    body,
  );
}
