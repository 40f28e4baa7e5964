import PDFDocument from 'pdfkit';
import { heading, LEFT, paragraph, table } from '../evidence/pdf/pdf-layout.js';
import { REPORT_SECTIONS, type WeeklyReport } from './weekly-report.model.js';

const day = (d: Date | null) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')}` : 'never');

/** The report as a PDF (the evidence pack's layout helpers; standard fonts, nothing embedded). */
export async function weeklyReportPdf(r: WeeklyReport, generatedAt: Date): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: `Weekly fleet report ${r.isoWeek}`, Author: r.tenantName, CreationDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(18).text(`Weekly fleet report ${r.isoWeek}`, LEFT, 50);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `${r.tenantName}. ${day(r.from)} to ${day(r.to)} UTC. New findings ${r.totals.newFindings}, new alarms ` +
      `${r.totals.newAlarms}, strings needing a visit ${r.totals.needingVisit}, offline sites ${r.totals.offlineSites}.`,
  );
  const [findings, visit, offline, completeness] = REPORT_SECTIONS;
  heading(doc, findings);
  rows(
    doc,
    ['Site', 'String', 'Finding', 'Severity', 'First seen'],
    [90, 90, 175, 60, 80],
    r.newFindings.map((f) => [f.site, f.string ?? '', f.title, f.severity, day(f.at)]),
    'No new findings this week.',
  );
  heading(doc, visit);
  rows(
    doc,
    ['Site', 'String', 'Worst', 'Alarms', 'What'],
    [90, 90, 60, 45, 210],
    r.needingVisit.map((v) => [v.site, v.string, v.worstSeverity, String(v.alarms), v.titles]),
    'No string needs a visit.',
  );
  heading(doc, offline);
  rows(
    doc,
    ['Site', 'Last data (UTC)'],
    [250, 245],
    r.offlineSites.map((o) => [o.site, day(o.lastSampleAt)]),
    'Every site is reporting.',
  );
  heading(doc, completeness);
  rows(
    doc,
    ['Site', 'Strings', 'Data received'],
    [250, 100, 145],
    r.completeness.map((c) => [c.site, String(c.strings), c.pct === null ? 'no strings' : `${c.pct} %`]),
    'No sites.',
  );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

function rows(
  doc: PDFKit.PDFDocument,
  titles: string[],
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
