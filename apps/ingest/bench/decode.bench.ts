// npm run bench:decode -w @fleet/ingest — CPU time of the ingest decode path per stage on the
// fixed workload of bench:ingest (12,000 envelopes = 288,000 pack rows + 12,000 cell snapshots),
// without NATS or a database: bytes → JSON, envelope validation, rows (series expansion). CPU
// time (process.cpuUsage, user + system) rather than wall time, because the machine it runs on
// is shared; the best of `--reps N` (default 5) rounds per stage, after one warm-up round.
// Issue 6: the end-to-end ingest run is CPU-bound, so this is where its time goes.
import { stringKey } from '@fleet/db';
import { gatewayIdOfSubject, parseTelemetryEnvelope, telemetryEnvelopeSchema } from '@fleet/telemetry';
import { toPackSampleRows } from '../src/telemetry/to-pack-sample-rows.js';
import { benchFleet, benchLoad, STRINGS_PER_GATEWAY } from './bench-fleet.js';

const repsArg = process.argv.indexOf('--reps');
const REPS = repsArg > 0 ? Number(process.argv[repsArg + 1]) : 5;

function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Best of REPS rounds after one warm-up (the least disturbed by other jobs and GC debt). */
function measure(run: () => void): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < REPS; r++) {
    best = Math.min(best, cpuMs(run));
  }
  return best;
}

const fleet = benchFleet(STRINGS_PER_GATEWAY * 250);
const load = benchLoad(fleet, 48, Date.parse('2026-11-25T00:00:00Z'));
/** String ids per gateway, as the registry would resolve them. */
const idMaps = new Map(
  fleet.gateways.map((g) => [
    g.id,
    new Map(g.strings.map((s) => [stringKey({ bus: 'can0', bmsAddress: s.bmsAddress }), s.id])),
  ]),
);

const decoder = new TextDecoder();
const json = load.messages.map((m) => JSON.parse(decoder.decode(m.data)) as unknown);
const envelopes = load.messages.map((m) => {
  const parsed = parseTelemetryEnvelope(m.data, gatewayIdOfSubject(m.subject));
  if (!parsed.ok) {
    throw new Error(parsed.reason);
  }
  return parsed.envelope;
});
const rowCount = envelopes.reduce((n, e) => {
  const out = toPackSampleRows(e, idMaps.get(e.gatewayId) ?? new Map());
  return n + out.rows.length + out.cellSnapshots.length;
}, 0);

let sink = 0;
const stages: [string, () => void][] = [
  [
    'bytes → JSON (TextDecoder + JSON.parse)',
    () => {
      for (const m of load.messages) {
        sink += (JSON.parse(decoder.decode(m.data)) as { seq: number }).seq;
      }
    },
  ],
  [
    'envelope validation (telemetryEnvelopeSchema)',
    () => {
      for (const j of json) {
        sink += telemetryEnvelopeSchema.safeParse(j).success ? 1 : 0;
      }
    },
  ],
  [
    'rows (toPackSampleRows: series expansion)',
    () => {
      for (const e of envelopes) {
        sink += toPackSampleRows(e, idMaps.get(e.gatewayId) ?? new Map()).rows.length;
      }
    },
  ],
  [
    'decode total (parseTelemetryEnvelope + toPackSampleRows)',
    () => {
      for (const m of load.messages) {
        const parsed = parseTelemetryEnvelope(m.data, gatewayIdOfSubject(m.subject));
        if (parsed.ok) {
          sink += toPackSampleRows(parsed.envelope, idMaps.get(parsed.envelope.gatewayId) ?? new Map()).rows
            .length;
        }
      }
    },
  ],
];

const perRows = 300_000 / rowCount;
const results: string[] = [];
console.log(`${load.messages.length} messages, ${rowCount} rows; CPU ms, best of ${REPS}, per 300,000 rows`);
for (const [name, run] of stages) {
  const ms = measure(run) * perRows;
  console.log(`${name.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
  results.push(ms.toFixed(0));
}
console.log(
  `decode_cpu_ms json=${results[0]} validate=${results[1]} rows=${results[2]} total=${results[3]} (sink ${sink > 0})`,
);
