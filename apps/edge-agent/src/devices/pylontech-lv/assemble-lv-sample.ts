// One PackSample from one LV broadcast cycle (protocol reference §2.2), plus what the cycle
// says about the system (module count from 0x359, manufacturer from 0x35E). Pure: decoding,
// the field map and validation, no I/O. LV ids carry no address: the sample's bmsAddress is 0.
import { bytesToHex, canIdLabel, decodeLvCanFrame, type LvCanMessage } from '@fleet/protocol';
import { type PackSample, packSampleSchema } from '@fleet/telemetry';
import type { ReceivedFrame } from '../../bus/can-bus.js';
import { LV_PACK_SAMPLE_FIELDS, LV_RAW_KEPT_TYPES, LV_REQUIRED_TYPES } from './lv-pack-sample.map.js';

/** What an LV battery tells about itself (the composition event's LV fields). */
export interface LvSystemInfo {
  moduleCount?: number;
  manufacturer?: string;
}

export interface AssembleLvInput {
  bus: string;
  frames: readonly ReceivedFrame[];
}

export type AssembleLvResult =
  | { ok: true; sample: PackSample; info: LvSystemInfo; problems: string[] }
  | { ok: false; reason: string; info: LvSystemInfo; problems: string[] };

/** The only address an LV bus has (one battery system per bus). */
export const LV_BMS_ADDRESS = 0;

export function assembleLvSample(input: AssembleLvInput): AssembleLvResult {
  const fields: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  const info: LvSystemInfo = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { frame } of input.frames) {
    const label = canIdLabel(frame.id);
    const decoded = decodeLvCanFrame(frame);
    if (decoded.status !== 'ok') {
      problems.push(decoded.status === 'corrupt' ? decoded.reason : `${label}: unknown id`);
      raw[label] = bytesToHex(frame.data);
      continue;
    }
    const { message } = decoded;
    if (seen.has(message.type)) {
      problems.push(`${label}: repeated in one cycle; the first one is used`);
      continue;
    }
    seen.add(message.type);
    Object.assign(fields, mapMessage(message));
    learn(message, info);
    if (LV_RAW_KEPT_TYPES.includes(message.type) || (message.type === '355' && message.extraRaw !== null)) {
      raw[label] = bytesToHex(frame.data);
    }
  }
  const missing = LV_REQUIRED_TYPES.filter((type) => !seen.has(type));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `no ${missing.map((t) => `0x${t}`).join(', ')} in the cycle`,
      info,
      problems,
    };
  }
  const firstAt = Math.min(...input.frames.map((f) => f.receivedAt.getTime()));
  const candidate = {
    kind: 'pack',
    ts: new Date(firstAt).toISOString(),
    bus: input.bus,
    bmsAddress: LV_BMS_ADDRESS,
    ...fields,
    ...(Object.keys(raw).length > 0 ? { raw } : {}),
  };
  const parsed = packSampleSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason: `sample invalid: ${issue?.path.join('.')}: ${issue?.message}`,
      info,
      problems,
    };
  }
  return { ok: true, sample: parsed.data, info, problems };
}

function mapMessage(message: LvCanMessage): Record<string, unknown> {
  // TypeScript cannot correlate the message with its row; the table is keyed by type.
  const row = LV_PACK_SAMPLE_FIELDS[message.type] as ((m: LvCanMessage) => object) | undefined;
  return row === undefined ? {} : { ...row(message) };
}

function learn(message: LvCanMessage, info: LvSystemInfo): void {
  if (message.type === '359') {
    info.moduleCount = message.moduleCount;
  } else if (message.type === '35E') {
    info.manufacturer = message.text.trim();
  }
}
