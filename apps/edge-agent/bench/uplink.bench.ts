// npm run bench:uplink — bytes per string per day with the default sampling plan, beside the
// naive cost (every value every poll as JSON: one envelope per poll with the full pack sample
// and the full per-cell snapshot), both measured on the same simulated day in the same run.
// Bytes are the encoded envelopes exactly as the JetStream publisher sends them.
import {
  encodeTelemetryEnvelope,
  type KnownSample,
  TELEMETRY_SCHEMA,
  type TelemetryEnvelope,
} from '@fleet/telemetry';
import { pino } from 'pino';
import type { Clock } from '../src/clock.js';
import { DEFAULT_SAMPLING_PLAN } from '../src/sampling/sampling-plan.js';
import { UplinkSampler } from '../src/sampling/uplink-sampler.js';
import { StringDayModel } from './string-day.model.js';

const POLL_S = 2; // the agent's default --poll-ms
const DAY_S = 86_400;
const START = Date.parse('2026-11-25T00:00:00.000Z');
const GATEWAY = 'gw-bench-uplink-1';
const BOOT = '6f1c1e0a-9b7e-4d8e-9a51-0c3f2d7b8e11'; // a UUID, as the agent's bootId

class SteppedClock implements Clock {
  ms = START;
  now(): Date {
    return new Date(this.ms);
  }
  async sleep(ms: number): Promise<void> {
    this.ms += ms;
  }
}

function envelope(seq: number, sentAt: Date, samples: KnownSample[]): TelemetryEnvelope {
  return {
    schema: TELEMETRY_SCHEMA,
    gatewayId: GATEWAY,
    bootId: BOOT,
    seq,
    sentAt: sentAt.toISOString(),
    samples,
  };
}

async function main(): Promise<void> {
  const started = performance.now();
  const model = new StringDayModel();
  const clock = new SteppedClock();
  const sent = { bytes: 0, envelopes: 0, packRows: 0, cells: 0, cellTimes: [] as number[] };
  const naive = { bytes: 0, envelopes: 0 };
  const sampler = new UplinkSampler(
    {
      clock,
      logger: pino({ level: 'silent' }),
      cells: { readCells: async () => model.cells() },
      emit: (samples) => {
        for (const s of samples) {
          if (s.kind === 'packs') {
            sent.packRows += 1 + s.rows.length;
          } else if (s.kind === 'cells') {
            sent.cells += 1;
            sent.cellTimes.push(Date.parse(s.ts));
          }
        }
        sent.bytes += encodeTelemetryEnvelope(envelope(sent.envelopes, clock.now(), samples)).length;
        sent.envelopes += 1;
      },
    },
    DEFAULT_SAMPLING_PLAN,
  );
  for (let second = 0; second < DAY_S; second += POLL_S) {
    clock.ms = START + second * 1000;
    model.step(second, POLL_S);
    const pack = model.packSample(clock.now(), second);
    const naiveCells = {
      kind: 'cells' as const,
      ts: pack.ts,
      bus: pack.bus,
      bmsAddress: 0,
      ...model.cells(),
    };
    naive.bytes += encodeTelemetryEnvelope(envelope(naive.envelopes, clock.now(), [pack, naiveCells])).length;
    naive.envelopes += 1;
    sampler.offer([pack]);
    await sampler.settle();
  }
  clock.ms = START + DAY_S * 1000;
  sampler.flush();

  const gaps = sent.cellTimes.slice(1).map((t, i) => (t - (sent.cellTimes[i] ?? t)) / 1000);
  const ratio = naive.bytes / sent.bytes;
  const mb = (b: number) => (b / 1e6).toFixed(3);
  console.log('uplink bench: one 15-module string (225 cells), one simulated day, poll every 2 s');
  console.log(`  plan (default): ${JSON.stringify(DEFAULT_SAMPLING_PLAN)}`);
  console.log(
    `  baseline naive: ${naive.envelopes} envelopes, ${mb(naive.bytes)} MB/day (every value every poll as JSON)`,
  );
  console.log(
    `  default plan:   ${sent.envelopes} envelopes, ${mb(sent.bytes)} MB/day; ${sent.packRows} pack rows of ${DAY_S / DEFAULT_SAMPLING_PLAN.packEveryS} 5-s windows, ${sent.cells} cell snapshots (largest gap ${Math.max(...gaps)} s)`,
  );
  console.log(
    `  ${ratio.toFixed(1)}× below naive; goal < 3 MB/day and ≥ 10×: ${sent.bytes < 3e6 && ratio >= 10 ? 'met' : 'NOT met'}`,
  );
  console.log(
    `uplink_bytes_per_day=${sent.bytes} naive_bytes_per_day=${naive.bytes} ratio=${ratio.toFixed(1)} envelopes=${sent.envelopes} pack_rows=${sent.packRows} cell_snapshots=${sent.cells} max_cell_gap_s=${Math.max(...gaps)} wall_ms=${Math.round(performance.now() - started)}`,
  );
}

await main();
