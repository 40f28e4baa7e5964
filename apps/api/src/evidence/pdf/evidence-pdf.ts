import PDFDocument from 'pdfkit';
import type { PackSummary } from '../csv/pack-summary.js';
import { LEFT, paragraph } from './pdf-layout.js';
import {
  alarmSection,
  completenessSection,
  cyclesSection,
  excursionSection,
  identitySection,
  installSection,
  manifestSection,
  sohSection,
} from './pdf-sections.js';

/**
 * The report as a pdfkit document (a readable stream of the PDF's bytes). Its size is bounded
 * whatever the period: lists stop after their first rows (the CSVs have them all) and charts hold
 * one point per day. Standard PDF fonts only, so no font files are embedded.
 */
export function evidencePdf(s: PackSummary, generator: string): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `Evidence pack ${s.identity.stringName} ${s.period.from.toISOString().slice(0, 10)} to ${s.period.to.toISOString().slice(0, 10)}`,
      Author: generator,
      CreationDate: s.generatedAt,
    },
  });
  doc.font('Helvetica-Bold').fontSize(18).text('Battery string evidence pack', LEFT, 50);
  doc.moveDown(0.3);
  paragraph(
    doc,
    `${s.identity.stringName}, ${s.identity.siteName}. Period ${s.period.from.toISOString()} to ${s.period.to.toISOString()} (end exclusive). ` +
      `Generated ${s.generatedAt.toISOString()} by ${generator}, pack ${s.packId}. All times UTC.`,
  );
  identitySection(doc, s);
  installSection(doc, s);
  sohSection(doc, s);
  cyclesSection(doc, s);
  alarmSection(doc, s);
  excursionSection(doc, s);
  completenessSection(doc, s);
  manifestSection(doc, s);
  doc.end();
  return doc;
}
