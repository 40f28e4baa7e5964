import type { PackSummary } from '../csv/pack-summary.js';
import { type ChartOptions, type ChartSeries, drawTimeChart } from './pdf-chart.js';
import { ensureRoom, heading, LEFT, labelValues, paragraph, table, WIDTH } from './pdf-layout.js';

type Doc = PDFKit.PDFDocument;

const day = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : '');
const time = (d: Date | null | undefined) =>
  d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : '';
const num = (v: number | null | undefined, digits: number) =>
  v === null || v === undefined ? '' : v.toFixed(digits);

/** The section titles, in order; the tests look for each in the PDF's text. */
export const SECTION_TITLES = [
  'Identity and serials',
  'Install record',
  'SOH and capacity history',
  'Cycles and throughput',
  'Alarm and protection history',
  'Excursions',
  'Data completeness',
  'Manifest',
] as const;

const CHART_HEIGHT = 150;

/** Draws a chart below the current text and moves the text position below it (pdfkit's text() moves it). */
function chart(doc: Doc, series: ChartSeries[], options: ChartOptions): void {
  ensureRoom(doc, CHART_HEIGHT + 40);
  const box = { x: LEFT + 65, y: doc.y + 14, width: WIDTH - 65, height: CHART_HEIGHT };
  drawTimeChart(doc, box, series, options);
  doc.x = LEFT;
  doc.y = box.y + box.height + 16;
}

export function identitySection(doc: Doc, s: PackSummary): void {
  const id = s.identity;
  heading(doc, SECTION_TITLES[0]);
  labelValues(doc, [
    ['String', `${id.stringName} (${id.stringId})`],
    ['Site', [id.siteName, id.siteAddress].filter(Boolean).join(', ')],
    ['Gateway / bus / BMS address', `${id.gatewayId} / ${id.bus} / ${id.bmsAddress}`],
    ['Module type / count', `${id.moduleType} / ${id.moduleCount ?? 'unknown'}`],
    ['Cells per module', `${id.cellsPerModule ?? 'unknown'}`],
    [
      'Nominal energy',
      s.nominalWh === null ? 'unknown (no capacity assumed)' : `${(s.nominalWh / 1000).toFixed(3)} kWh`,
    ],
    ['First data', time(id.firstSampleAt)],
  ]);
  table(
    doc,
    [
      { title: 'Position', width: 55 },
      { title: 'Module', width: 70 },
      { title: 'Serial', width: 140 },
      { title: 'First seen', width: 80 },
      { title: 'Last seen', width: 80 },
      { title: 'Removed', width: 70 },
    ],
    id.modules.map((m) => [
      String(m.position),
      m.moduleType,
      m.serial ?? 'not reported',
      day(m.firstSeenAt),
      day(m.lastSeenAt),
      day(m.removedAt),
    ]),
  );
}

export function installSection(doc: Doc, s: PackSummary): void {
  const w = s.warranty;
  heading(doc, SECTION_TITLES[1]);
  labelValues(doc, [
    ['Commissioned at', time(w.install?.commissionedAt) || 'not recorded'],
    ['Commissioned by', w.install?.commissionedBy ?? 'not recorded'],
    ['Install notes', w.install?.notes ?? ''],
  ]);
  checklistLines(doc, s);
  paragraph(doc, 'Warranty terms used:');
  if (w.terms) {
    labelValues(
      doc,
      w.terms.map((t) => [t.label, t.value] as const),
    );
  } else {
    paragraph(doc, 'No warranty terms apply to this product and region.');
  }
  for (const note of w.notes) {
    paragraph(doc, note);
  }
}

/** The site's commissioning checklist as completed (issue 10): each item with its evidence and time. */
function checklistLines(doc: Doc, s: PackSummary): void {
  const c = s.warranty.checklist;
  if (c === undefined) {
    return;
  }
  if (c === null) {
    paragraph(doc, 'Commissioning checklist: not completed for this site.');
    return;
  }
  paragraph(doc, `Commissioning checklist completed ${time(c.completedAt)} by ${c.installerName}:`);
  // Label and wrapped text rather than a table row: the evidence sentence is the point and must not be cut.
  labelValues(
    doc,
    c.items.map(
      (i) => [`${i.id}: ${i.state}`, `${i.explanation} (seen ${time(i.observedAt) || 'never'})`] as const,
    ),
  );
}

export function sohSection(doc: Doc, s: PackSummary): void {
  heading(doc, SECTION_TITLES[2]);
  paragraph(
    doc,
    `Daily state of health as reported by the BMS (1-day rollups, ${s.soh.length} days with data). Full series: soh_capacity.csv.`,
  );
  chart(
    doc,
    [
      { label: 'SOH last (%)', color: '#1f6feb', points: s.soh.map((p) => [p.t, p.last] as const) },
      { label: 'SOH min (%)', color: '#d29922', points: s.soh.map((p) => [p.t, p.min] as const) },
    ],
    { unit: '%', from: s.period.from.getTime(), to: s.period.to.getTime() },
  );
}

export function cyclesSection(doc: Doc, s: PackSummary): void {
  heading(doc, SECTION_TITLES[3]);
  const last = s.throughput.at(-1);
  labelValues(doc, [
    ['Discharged in period', last ? `${last.cumulativeOutKwh.toFixed(3)} kWh` : '0 kWh'],
    [
      'Equivalent full cycles',
      last?.cycles === null || last === undefined ? 'unknown' : last.cycles.toFixed(3),
    ],
  ]);
  const from = s.period.from.getTime();
  const to = s.period.to.getTime();
  chart(
    doc,
    [
      {
        label: 'Charged (kWh/day)',
        color: '#2da44e',
        bars: true,
        points: s.throughput.map((p) => [p.t, p.inKwh] as const),
      },
      {
        label: 'Discharged (kWh/day)',
        color: '#cf222e',
        bars: true,
        points: s.throughput.map((p) => [p.t, -p.outKwh] as const),
      },
    ],
    { unit: 'kWh', from, to },
  );
  chart(
    doc,
    [
      {
        label: 'Cumulative discharged (kWh)',
        color: '#8250df',
        points: s.throughput.map((p) => [p.t, p.cumulativeOutKwh] as const),
      },
    ],
    { unit: 'kWh', min: 0, from, to },
  );
}

export function alarmSection(doc: Doc, s: PackSummary): void {
  heading(doc, SECTION_TITLES[4]);
  paragraph(
    doc,
    `${s.alarms.count} alarm transitions (alarms.csv) and ${s.events.count} BMS events (protection_events.csv) in the period.${s.alarms.count > s.alarms.first.length ? ` The first ${s.alarms.first.length} transitions:` : ''}`,
  );
  table(
    doc,
    [
      { title: 'At', width: 95 },
      { title: 'Alarm', width: 150 },
      { title: 'Severity', width: 55 },
      { title: 'Transition', width: 70 },
      { title: 'Actor', width: 125 },
    ],
    s.alarms.first.map((a) => [time(a.at), a.code, a.severity, a.transition, a.actor]),
  );
  table(
    doc,
    [
      { title: 'At', width: 95 },
      { title: 'BMS event', width: 100 },
      { title: 'Gateway', width: 100 },
      { title: 'Body', width: 200 },
    ],
    s.events.first.map((e) => [time(e.ts), e.kind, e.gatewayId, JSON.stringify(e.body).slice(0, 60)]),
  );
}

export function excursionSection(doc: Doc, s: PackSummary): void {
  heading(doc, SECTION_TITLES[5]);
  const list = s.warranty.excursions;
  paragraph(
    doc,
    list.length === 0
      ? 'No excursions outside the operating limits were found.'
      : `${list.length} excursions (excursions.csv):`,
  );
  table(
    doc,
    [
      { title: 'Kind', width: 90 },
      { title: 'Start', width: 95 },
      { title: 'End', width: 95 },
      { title: 'Worst', width: 60 },
      { title: 'Limit', width: 60 },
      { title: 'Source', width: 95 },
    ],
    list
      .slice(0, 40)
      .map((x) => [
        x.kind,
        time(x.start),
        time(x.end),
        `${num(x.worst, 1)} ${x.unit ?? ''}`,
        `${num(x.limit, 1)} ${x.unit ?? ''}`,
        x.code ?? x.source,
      ]),
  );
}

export function completenessSection(doc: Doc, s: PackSummary): void {
  heading(doc, SECTION_TITLES[6]);
  const mean =
    s.completeness.length === 0 ? 0 : s.completeness.reduce((a, p) => a + p.pct, 0) / s.completeness.length;
  paragraph(
    doc,
    `Mean daily completeness ${mean.toFixed(1)} %; ${s.gaps.count} data gaps, ${(s.gaps.totalS / 3600).toFixed(1)} h in total (data_completeness.csv).`,
  );
  chart(
    doc,
    [
      {
        label: 'Completeness (%)',
        color: '#0969da',
        bars: true,
        points: s.completeness.map((p) => [p.t, p.pct] as const),
      },
    ],
    { unit: '%', min: 0, max: 100, from: s.period.from.getTime(), to: s.period.to.getTime() },
  );
  table(
    doc,
    [
      { title: 'Gap from', width: 130 },
      { title: 'Gap to', width: 130 },
      { title: 'Hours', width: 60 },
    ],
    s.gaps.first.map((g) => [
      time(g.gapStart),
      time(g.gapEnd),
      ((g.gapEnd.getTime() - g.gapStart.getTime()) / 3_600_000).toFixed(2),
    ]),
  );
}

/** The last page: every CSV's SHA-256, each on a line of its own so the text can be checked against the files. */
export function manifestSection(doc: Doc, s: PackSummary): void {
  doc.addPage();
  heading(doc, SECTION_TITLES[7]);
  paragraph(
    doc,
    'SHA-256 of each CSV file of this evidence pack (also in manifest.json of the ZIP). Check with: sha256sum <file>.',
  );
  for (const f of s.files) {
    ensureRoom(doc, 28);
    doc.font('Helvetica-Bold').fontSize(9).text(`${f.name} (${f.bytes} bytes)`, LEFT, doc.y);
    doc.font('Courier').fontSize(8.5).text(f.sha256, LEFT, doc.y, { lineBreak: false });
    doc.moveDown(0.6);
  }
}
