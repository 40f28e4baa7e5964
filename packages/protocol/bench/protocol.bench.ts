// `npm run bench:protocol`: decode throughput of the CAN and RS485 codecs on one core, each
// beside a baseline measured in the same run — a plain Buffer copy of the same bytes — and
// what that means in strings polled once per second (goal: 1,000 with headroom).
// The last line is `name=value` pairs for scripts; docs/benchmarks.md records a run.
import {
  decodeAnalogValues42,
  decodeHvCanFrame,
  decodeLvCanFrame,
  decodeRs485Frame,
  SlcanLineParser,
} from '../src/index.js';
import { consume, type Measurement, measure } from './measure.js';
import { ensembleBurst, ensembleBurstSlcan, lvBroadcast, rs485AnalogReplies } from './workloads.js';

const GOAL_STRINGS = 1_000;
/** HV frames one string sends per ensemble poll (0x4210…0x4290); the agent polls once a second. */
const HV_FRAMES_PER_STRING_POLL = 9;
const BUDGET_MS = Number(process.argv[2] ?? 1_000);

interface Row {
  name: string;
  unit: string;
  decode: Measurement;
  copy: Measurement;
}

const rows: Row[] = [];
function bench(name: string, unit: string, decodeRound: () => number, copyRound: () => number): Row {
  const row = { name, unit, copy: measure(copyRound, BUDGET_MS), decode: measure(decodeRound, BUDGET_MS) };
  rows.push(row);
  return row;
}

const burst = ensembleBurst(3);
bench(
  'hv_can',
  'frame',
  () => {
    for (const frame of burst) {
      const r = decodeHvCanFrame(frame);
      consume(r.status === 'ok' ? 1 : 0);
    }
    return burst.length;
  },
  () => {
    for (const frame of burst) {
      consume(Buffer.from(frame.data).length);
    }
    return burst.length;
  },
);

const slcanBytes = ensembleBurstSlcan(3);
const parser = new SlcanLineParser();
const slcan = bench(
  'hv_slcan',
  'frame',
  () => {
    let frames = 0;
    for (const result of parser.push(slcanBytes)) {
      if (result.kind === 'frame') {
        consume(decodeHvCanFrame(result.frame).status === 'ok' ? 1 : 0);
        frames += 1;
      }
    }
    return frames;
  },
  () => {
    consume(Buffer.from(slcanBytes).length);
    return burst.length;
  },
);

const lvFrames = lvBroadcast();
bench(
  'lv_can',
  'frame',
  () => {
    for (const frame of lvFrames) {
      consume(decodeLvCanFrame(frame).status === 'ok' ? 1 : 0);
    }
    return lvFrames.length;
  },
  () => {
    for (const frame of lvFrames) {
      consume(Buffer.from(frame.data).length);
    }
    return lvFrames.length;
  },
);

const replies = rs485AnalogReplies();
const rs485Text = replies.map((r) => r.text);
const rs485Bytes = rs485Text.map((t) => Buffer.from(t, 'latin1'));
const rs485 = bench(
  'rs485_0x42',
  'frame',
  () => {
    for (const text of rs485Text) {
      const frame = decodeRs485Frame(text);
      consume(frame.status === 'ok' && decodeAnalogValues42(frame.frame.info).status === 'ok' ? 1 : 0);
    }
    return rs485Text.length;
  },
  () => {
    for (const bytes of rs485Bytes) {
      consume(Buffer.from(bytes).length);
    }
    return rs485Bytes.length;
  },
);

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });
console.log(`protocol decode benchmark, one core, Node ${process.version}, ${BUDGET_MS} ms per measurement`);
console.log('workload      decode/s        ns/item   copy/s (baseline)   ratio_vs_copy');
for (const r of rows) {
  const ratio = r.decode.itemsPerSecond / r.copy.itemsPerSecond;
  console.log(
    `${r.name.padEnd(12)} ${fmt(r.decode.itemsPerSecond).padStart(12)} ${fmt(r.decode.nsPerItem, 1).padStart(12)}   ${fmt(r.copy.itemsPerSecond).padStart(16)}   ${ratio.toFixed(3)}`,
  );
}
console.log(
  `inputs: hv_can = one ensemble burst (${burst.length} frames, CanFrame objects); hv_slcan = the same`,
);
console.log('burst as SLCAN bytes through SlcanLineParser then decodeHvCanFrame; lv_can = one LV broadcast');
console.log(
  `cycle (${lvFrames.length} frames); rs485_0x42 = ${replies.map((r) => r.id).join(' + ')} (0x42 analog replies, frame`,
);
console.log('checksums + INFO decode). Baselines copy the same bytes with Buffer.from.');

// One HV string polled every second = 9 frames/s; the SLCAN path is what the agent runs.
// One RS485 string polled every second = one 0x42 reply/s (a group reply covers all modules).
const stringsPerCore = slcan.decode.itemsPerSecond / HV_FRAMES_PER_STRING_POLL;
const rs485StringsPerCore = rs485.decode.itemsPerSecond;
console.log(
  `capacity per core, strings polled every second: HV over SLCAN ${fmt(stringsPerCore)} ` +
    `(${fmt(stringsPerCore / GOAL_STRINGS, 1)}x the goal of ${GOAL_STRINGS}); ` +
    `RS485 0x42 ${fmt(rs485StringsPerCore)} (${fmt(rs485StringsPerCore / GOAL_STRINGS, 1)}x).`,
);

const pairs: Record<string, string> = {};
for (const r of rows) {
  pairs[`${r.name}_frames_per_s`] = r.decode.itemsPerSecond.toFixed(0);
  pairs[`${r.name}_ns_per_frame`] = r.decode.nsPerItem.toFixed(1);
  pairs[`${r.name}_ratio_vs_copy`] = (r.decode.itemsPerSecond / r.copy.itemsPerSecond).toFixed(3);
}
pairs.hv_strings_per_core = stringsPerCore.toFixed(0);
pairs.rs485_strings_per_core = rs485StringsPerCore.toFixed(0);
pairs.goal_strings = String(GOAL_STRINGS);
pairs.hv_headroom_vs_goal = (stringsPerCore / GOAL_STRINGS).toFixed(1);
pairs.rs485_headroom_vs_goal = (rs485StringsPerCore / GOAL_STRINGS).toFixed(1);
console.log(
  Object.entries(pairs)
    .map(([k, v]) => `${k}=${v}`)
    .join(' '),
);
