// One PackSample from the frames one BMS address sent in reply to one 0x4200 poll.
// Pure: decoding, the field map and validation, no I/O. Frames that cannot be decoded (or have
// no PackSample field yet) go into `raw` as hex, keyed by CAN id.
import { bytesToHex, canIdLabel, decodeHvCanFrame } from '@fleet/protocol';
import { type PackSample, packSampleSchema } from '@fleet/telemetry';
import type { ReceivedFrame } from '../../bus/can-bus.js';
import { PACK_SAMPLE_FIELDS, RAW_KEPT_TYPES, REQUIRED_TYPE } from './pack-sample.map.js';

export interface AssembleInput {
  bus: string;
  bmsAddress: number;
  frames: readonly ReceivedFrame[];
}

export type AssembleResult =
  | { ok: true; sample: PackSample; problems: string[] }
  | { ok: false; reason: string; problems: string[] };

export function assemblePackSample(input: AssembleInput): AssembleResult {
  const fields: Record<string, unknown> = {};
  const raw: Record<string, string> = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { frame } of input.frames) {
    const decoded = decodeHvCanFrame(frame);
    const keepRaw = () => {
      raw[canIdLabel(frame.id)] = bytesToHex(frame.data);
    };
    if (decoded.status !== 'ok') {
      problems.push(decoded.status === 'corrupt' ? decoded.reason : `${canIdLabel(decoded.id)}: unknown id`);
      keepRaw();
      continue;
    }
    const { message } = decoded;
    if (seen.has(message.type)) {
      problems.push(`${canIdLabel(frame.id)}: repeated in one burst; the first one is used`);
      continue;
    }
    seen.add(message.type);
    const names = PACK_SAMPLE_FIELDS[message.type] as readonly string[] | undefined;
    if (names !== undefined) {
      for (const name of names) {
        fields[name] = (message as unknown as Record<string, unknown>)[name];
      }
    } else if (RAW_KEPT_TYPES.includes(message.type)) {
      keepRaw();
    }
  }
  if (!seen.has(REQUIRED_TYPE)) {
    return { ok: false, reason: `no 0x${REQUIRED_TYPE} from address ${input.bmsAddress}`, problems };
  }
  const firstAt = Math.min(...input.frames.map((f) => f.receivedAt.getTime()));
  const candidate = {
    kind: 'pack',
    ts: new Date(firstAt).toISOString(),
    bus: input.bus,
    bmsAddress: input.bmsAddress,
    ...fields,
    ...(Object.keys(raw).length > 0 ? { raw } : {}),
  };
  const parsed = packSampleSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `sample invalid: ${issue?.path.join('.')}: ${issue?.message}`, problems };
  }
  return { ok: true, sample: parsed.data, problems };
}
