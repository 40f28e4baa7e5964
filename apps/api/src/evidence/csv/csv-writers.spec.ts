import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import type { EvidenceDay, EvidenceIdentity } from '@fleet/db';
import { describe, expect, it } from 'vitest';
import { csvLines } from './csv-lines.js';
import { cyclesThroughputRows } from './cycles-throughput.csv.js';
import { dataCompletenessRows } from './data-completeness.csv.js';
import { identityRows } from './identity.csv.js';
import { emptySummary, PDF_LIST_ROWS } from './pack-summary.js';
import { protectionEventRows } from './protection-events.csv.js';
import { sohCapacityRows } from './soh-capacity.csv.js';
import { writeHashed } from './write-hashed.js';

const D0 = Date.parse('2026-03-01T00:00:00Z');
const DAY = 86_400_000;

async function* listOf<T>(items: T[]): AsyncGenerator<T> {
  yield* items;
}

async function text(lines: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const l of lines) {
    out += l;
  }
  return out;
}

const day = (i: number, over: Partial<EvidenceDay> = {}): EvidenceDay => ({
  day: new Date(D0 + i * DAY),
  samples: 8640,
  coveredS: 86_400,
  sohMinPct: 98,
  sohLastPct: 98,
  energyInWh: 10_000,
  energyOutWh: 9_000,
  cellTempMinDc: null,
  cellTempMaxDc: null,
  cellMinMvMin: null,
  cellMaxMvMax: null,
  protectionBitsAny: null,
  alarmBitsAny: null,
  ...over,
});

const identity: EvidenceIdentity = {
  stringId: 'a0000000-0000-4000-8000-000000000001',
  stringName: 'Rack 1, string A',
  siteId: 'a0000000-0000-4000-8000-000000000002',
  siteName: 'Hof "Schmidt"',
  siteAddress: null,
  timezone: 'Europe/Berlin',
  gatewayId: 'gw-1',
  bus: 'can0',
  bmsAddress: 0,
  moduleType: 'H48050',
  moduleCount: 2,
  cellsPerModule: 15,
  createdAt: new Date(D0),
  firstSampleAt: null,
  modules: [],
};

const summary = () =>
  emptySummary({
    packId: 'p',
    period: { from: new Date(D0), to: new Date(D0 + 3 * DAY) },
    generatedAt: new Date(D0),
    identity,
    warranty: { install: null, terms: null, excursions: [], notes: [] },
    nominalWh: 4800,
  });

describe('evidence CSV writers', () => {
  it('quotes fields with quotes and commas (RFC 4180) and gives a string without modules one row', async () => {
    const csv = await text(csvLines(['a', 'b'], identityRows(identity, null)));
    const [header, row, ...rest] = csv.split('\r\n');
    expect(header).toBe('a,b');
    expect(row).toContain(',"Hof ""Schmidt""",,gw-1,can0,0,H48050,2,15,,,,,,,,');
    expect(rest).toEqual(['']);
  });

  it('derives capacity from nominal × SOH and leaves it empty without a nominal', async () => {
    const rows: unknown[][] = [];
    for await (const r of sohCapacityRows(listOf([day(0), day(1, { sohLastPct: null })]), 4800, summary())) {
      rows.push(r);
    }
    expect(rows).toEqual([
      ['2026-03-01', 98, 98, 4800, '4704', 8640],
      ['2026-03-02', 98, null, 4800, '', 8640],
    ]);
    const none: unknown[][] = [];
    for await (const r of sohCapacityRows(listOf([day(0)]), null, summary())) {
      none.push(r);
    }
    expect(none[0]?.[4]).toBe('');
  });

  it('sums throughput over the period and counts equivalent cycles of the nominal energy', async () => {
    const s = summary();
    const rows: unknown[][] = [];
    for await (const r of cyclesThroughputRows(listOf([day(0), day(1, { energyOutWh: 3_000 })]), 4800, s)) {
      rows.push(r);
    }
    // 9 + 3 kWh out of a 4.8 kWh string: 2.5 cycles.
    expect(rows[1]).toEqual(['2026-03-02', '10.000', '3.000', '20.000', '12.000', '2.500']);
    expect(s.throughput.map((p) => p.cumulativeOutKwh)).toEqual([9, 12]);
  });

  it('reports every day of the period, a missing day as 0 %, and gap seconds clipped per day', async () => {
    const s = summary();
    // A gap from 18:00 on day 0 to 06:00 on day 1: 6 h on each day; day 2 has no rollup.
    const gap = { gapStart: new Date(D0 + 18 * 3_600_000), gapEnd: new Date(D0 + 30 * 3_600_000) };
    const rows: unknown[][] = [];
    const days = listOf([day(0, { coveredS: 64_800 }), day(1, { coveredS: 64_800 })]);
    for await (const r of dataCompletenessRows(s.period, days, () => listOf([gap]), s)) {
      rows.push(r);
    }
    expect(rows.map((r) => [r[0], r[1], r[7], r[8]])).toEqual([
      ['day', '2026-03-01', '75.00', '21600'],
      ['day', '2026-03-02', '75.00', '21600'],
      ['day', '2026-03-03', '0.00', '0'],
      ['gap', '2026-03-01', '', '43200'],
    ]);
    expect(s.gaps).toMatchObject({ count: 1, totalS: 43_200 });
  });

  it('keeps only the first rows of a long list for the PDF but counts them all', async () => {
    const s = summary();
    const events = Array.from({ length: PDF_LIST_ROWS + 5 }, (_, i) => ({
      ts: new Date(D0 + i * 1000),
      kind: 'boot',
      gatewayId: 'gw-1',
      msgId: `m${i}`,
      idx: 0,
      body: { kind: 'boot' },
    }));
    let rows = 0;
    for await (const r of protectionEventRows(listOf(events), s)) {
      expect(r[5]).toBe('{"kind":"boot"}');
      rows += 1;
    }
    expect([rows, s.events.count, s.events.first.length]).toEqual([
      PDF_LIST_ROWS + 5,
      PDF_LIST_ROWS + 5,
      PDF_LIST_ROWS,
    ]);
  });

  it('hashes exactly the bytes it wrote', async () => {
    const written: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, done) {
        written.push(chunk);
        done();
      },
    });
    const digest = await writeHashed(sink, ['a,b\r\n', Buffer.from('ä,1\r\n')]);
    const all = Buffer.concat(written);
    expect(digest).toEqual({ sha256: createHash('sha256').update(all).digest('hex'), bytes: all.length });
    expect(all.toString('utf8')).toBe('a,b\r\nä,1\r\n');
  });
});
