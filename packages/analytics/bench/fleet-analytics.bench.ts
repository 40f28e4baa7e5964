// `npm run bench:fleet-analytics`: the early-warning analysis (analyseFleet) on the simulator's
// accelerated year of 40 strings, three ageing abnormally (test/fixtures/fleet-year-40.json,
// written by apps/simulator/src/fleet-year.cli.ts): precision and recall of the causes it names,
// then the time to analyse 1,000 and 10,000 strings in the same run (copies of the 40 with a
// little noise, labels kept, so precision and recall are scored at 10,000 too).
// The last line is `name=value` pairs for scripts; docs/benchmarks.md records a run.

import { analyseFleet, type FleetAnalysis, type StringDay, type StringHistory } from '../src/index.js';
import fixture from '../test/fixtures/fleet-year-40.json' with { type: 'json' };

interface Labelled extends StringHistory {
  cause: string | null;
}

const columns = fixture.columns as (keyof StringDay)[];
const base: Labelled[] = fixture.strings.map((s) => ({
  meta: s.meta,
  cause: s.cause,
  days: s.days.map(
    (row) => Object.fromEntries(columns.map((c, i) => [c, row[i] ?? null])) as unknown as StringDay,
  ),
}));

/** mulberry32, so every run analyses the same fleet. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` strings: copies of the 40 with spread ±2 mV and cycles ±5 %, each its own id and cohort mix. */
function fleetOf(n: number): Labelled[] {
  const random = rng(n);
  return Array.from({ length: n }, (_, i) => {
    const s = base[i % base.length]!;
    // Cohort fields from another string each round, so a cohort is not 250 copies of one string.
    const other = base[(i + Math.floor(i / base.length)) % base.length]!;
    return {
      ...s,
      meta: { ...other.meta, stringId: `${s.meta.stringId}-${i}` },
      days: s.days.map((d) => ({
        ...d,
        cellSpreadMaxMv:
          d.cellSpreadMaxMv === null ? null : Math.max(0, Math.round(d.cellSpreadMaxMv + 4 * random() - 2)),
        cycles: d.cycles === null ? null : d.cycles * (0.95 + 0.1 * random()),
      })),
    };
  });
}

function score(fleet: readonly Labelled[], analysis: FleetAnalysis): { precision: number; recall: number } {
  const named = new Map(
    analysis.findings.filter((f) => f.primary).map((f) => [f.stringId, f.kind as string]),
  );
  const actual = fleet.filter((s) => s.cause !== null);
  const right = actual.filter((s) => named.get(s.meta.stringId) === s.cause).length;
  return {
    precision: named.size === 0 ? 0 : right / named.size,
    recall: actual.length === 0 ? 1 : right / actual.length,
  };
}

function timed(fleet: readonly Labelled[], rounds: number): { ms: number; analysis: FleetAnalysis } {
  let best = Number.POSITIVE_INFINITY;
  let analysis = analyseFleet(fleet);
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    analysis = analyseFleet(fleet);
    best = Math.min(best, performance.now() - started);
  }
  return { ms: best, analysis };
}

const acceptance = score(base, analyseFleet(base));
const fleet1k = fleetOf(1_000);
const fleet10k = fleetOf(10_000);
const run1k = timed(fleet1k, 5);
const run10k = timed(fleet10k, 3);
const at10k = score(fleet10k, run10k.analysis);
const rows = base[0]?.days.length ?? 0;
const f = (v: number, d = 2) => v.toFixed(d);

console.log(`fleet analytics benchmark, one core, Node ${process.version}`);
console.log(
  `acceptance fleet: ${base.length} strings, ${rows} stepped days each (one in ${fixture.options.everyNthDay}, a year), abnormal: ${base.filter((s) => s.cause !== null).length}`,
);
for (const s of base.filter((x) => x.cause !== null)) {
  const found = analyseFleet(base).findings.find((x) => x.stringId === s.meta.stringId && x.primary);
  console.log(`  ${s.meta.stringId}: built ${s.cause}, named ${found?.kind ?? 'nothing'}`);
}
console.log(
  `precision ${f(acceptance.precision)} recall ${f(acceptance.recall)} (at 10,000: ${f(at10k.precision)} / ${f(at10k.recall)})`,
);
console.log(
  `analyseFleet 1,000 strings: ${f(run1k.ms, 1)} ms (best of 5); 10,000 strings: ${f(run10k.ms, 1)} ms (best of 3)`,
);
console.log(
  `precision=${f(acceptance.precision)} recall=${f(acceptance.recall)} precision_10k=${f(at10k.precision)} recall_10k=${f(at10k.recall)} rows_per_string=${rows} ms_1k=${f(run1k.ms, 1)} ms_10k=${f(run10k.ms, 1)} ratio_10k_vs_1k=${f(run10k.ms / run1k.ms)}`,
);
