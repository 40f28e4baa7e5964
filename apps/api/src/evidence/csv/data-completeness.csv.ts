import type { EvidenceDay, EvidenceGap } from '@fleet/db';
import { fixed, iso, utcDay } from './csv-lines.js';
import { keepFirst, type PackSummary } from './pack-summary.js';

export const DATA_COMPLETENESS_CSV = 'data_completeness.csv';

export const DATA_COMPLETENESS_HEADER = [
  'record',
  'day',
  'from',
  'to',
  'samples',
  'covered_s',
  'expected_s',
  'completeness_pct',
  'gap_s',
] as const;

const DAY_MS = 86_400_000;

/**
 * Two kinds of record in one sheet: `day` rows for every UTC day of the period (a day without a
 * rollup is 0 %; covered = the seconds the rollups count as covered by samples no further apart
 * than the gap limit; expected = the day's part inside the period; gap_s = data gaps overlapping
 * it), then one `gap` row per data gap overlapping the period (from/to its last sample before and
 * first after).
 */
export async function* dataCompletenessRows(
  period: { from: Date; to: Date },
  days: AsyncIterable<EvidenceDay>,
  gaps: () => AsyncIterable<EvidenceGap>,
  summary: Pick<PackSummary, 'completeness' | 'gaps'>,
): AsyncGenerator<unknown[]> {
  const dayRows = days[Symbol.asyncIterator]();
  const gapRows = gaps()[Symbol.asyncIterator]();
  let nextDay = await dayRows.next();
  let nextGap = await gapRows.next();
  let open: EvidenceGap[] = [];
  const fromMs = period.from.getTime();
  const toMs = period.to.getTime();
  for (let start = Math.floor(fromMs / DAY_MS) * DAY_MS; start < toMs; start += DAY_MS) {
    const lo = Math.max(start, fromMs);
    const hi = Math.min(start + DAY_MS, toMs);
    while (!nextDay.done && nextDay.value.day.getTime() < start) {
      nextDay = await dayRows.next();
    }
    const rollup = !nextDay.done && nextDay.value.day.getTime() === start ? nextDay.value : undefined;
    while (!nextGap.done && nextGap.value.gapStart.getTime() < hi) {
      open.push(nextGap.value);
      nextGap = await gapRows.next();
    }
    open = open.filter((g) => g.gapEnd.getTime() > lo);
    const gapS = open.reduce((sum, g) => sum + overlapMs(g, lo, hi), 0) / 1000;
    const expectedS = (hi - lo) / 1000;
    const coveredS = Math.min(rollup?.coveredS ?? 0, expectedS);
    const pct = (coveredS / expectedS) * 100;
    summary.completeness.push({ t: start, pct });
    yield [
      'day',
      utcDay(new Date(start)),
      iso(new Date(lo)),
      iso(new Date(hi)),
      rollup?.samples ?? 0,
      fixed(coveredS, 0),
      fixed(expectedS, 0),
      fixed(pct, 2),
      fixed(gapS, 0),
    ];
  }
  for await (const g of gaps()) {
    const seconds = (g.gapEnd.getTime() - g.gapStart.getTime()) / 1000;
    keepFirst(summary.gaps, g);
    summary.gaps.totalS += seconds;
    yield ['gap', utcDay(g.gapStart), iso(g.gapStart), iso(g.gapEnd), '', '', '', '', fixed(seconds, 0)];
  }
}

function overlapMs(gap: EvidenceGap, lo: number, hi: number): number {
  return Math.max(0, Math.min(gap.gapEnd.getTime(), hi) - Math.max(gap.gapStart.getTime(), lo));
}
