/** Page layout helpers over pdfkit: headings, label/value lines, simple tables that break pages. */
type Doc = PDFKit.PDFDocument;

export const LEFT = 50;
export const WIDTH = 495;
const BOTTOM = 780;

/** Starts a new page when fewer than `points` remain on this one. */
export function ensureRoom(doc: Doc, points: number): void {
  if (doc.y + points > BOTTOM) {
    doc.addPage();
  }
}

export function heading(doc: Doc, text: string): void {
  ensureRoom(doc, 80);
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(14).fillColor('#111111').text(text, LEFT, doc.y);
  doc.moveDown(0.3).font('Helvetica').fontSize(9).fillColor('#222222');
}

export function paragraph(doc: Doc, text: string): void {
  ensureRoom(doc, 30);
  doc.font('Helvetica').fontSize(9).fillColor('#222222').text(text, LEFT, doc.y, { width: WIDTH });
  doc.moveDown(0.3);
}

export function labelValues(doc: Doc, rows: ReadonlyArray<readonly [string, string]>): void {
  for (const [label, value] of rows) {
    ensureRoom(doc, 14);
    const y = doc.y;
    doc.font('Helvetica-Bold').fontSize(9).text(label, LEFT, y, { width: 150 });
    doc.font('Helvetica').text(value === '' ? '-' : value, LEFT + 155, y, { width: WIDTH - 155 });
    doc.moveDown(0.15);
  }
}

export interface Column {
  title: string;
  width: number;
}

/** A table with one line per row (cells cut to their width); the header repeats on a new page. */
export function table(doc: Doc, columns: readonly Column[], rows: ReadonlyArray<readonly string[]>): void {
  const line = (cells: readonly string[], bold: boolean) => {
    ensureRoom(doc, 12);
    const y = doc.y;
    let x = LEFT;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(7.5);
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x, y, { width: c.width - 4, height: 10, ellipsis: true, lineBreak: false });
      x += c.width;
    });
    doc.y = y + 11;
  };
  line(
    columns.map((c) => c.title),
    true,
  );
  for (const row of rows) {
    if (doc.y + 12 > BOTTOM) {
      doc.addPage();
      line(
        columns.map((c) => c.title),
        true,
      );
    }
    line(row, false);
  }
  doc.x = LEFT;
  doc.moveDown(0.3);
}
