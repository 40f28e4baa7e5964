// Dispatcher for Pylontech HV CAN frames (protocol reference §1): chooses the codec by id and
// returns a discriminated result. Never throws: wrong DLC or a standard (11-bit) id is
// `corrupt`, an id the table does not know is `unknown`.
import type { CanFrame } from '../can/can-frame.js';
import { HV_CAN_CODECS, type HvCanCodec } from './hv-can-codecs.table.js';
import { canIdLabel } from './hv-can-ids.js';
import type { HvCanMessage, HvCanMessageType, HvCanValues } from './hv-can-message.js';

export type HvCanDecodeResult =
  /** `address` is null for the broadcast request 0x4200. */
  | { status: 'ok'; address: number | null; message: HvCanMessage }
  | { status: 'corrupt'; reason: string }
  | { status: 'unknown'; id: number };

const exactIds = new Map<number, HvCanMessageType>();
const addressedBases = new Map<number, HvCanMessageType>();
for (const [type, codec] of Object.entries(HV_CAN_CODECS)) {
  (codec.addressed ? addressedBases : exactIds).set(codec.baseId, type as HvCanMessageType);
}

function lookup(id: number): { type: HvCanMessageType; address: number | null } | undefined {
  const exact = exactIds.get(id);
  if (exact !== undefined) {
    return { type: exact, address: null };
  }
  const base = addressedBases.get(id & ~0xf);
  return base === undefined ? undefined : { type: base, address: id & 0xf };
}

export function decodeHvCanFrame(frame: CanFrame): HvCanDecodeResult {
  if (!frame.extended) {
    return { status: 'corrupt', reason: `${canIdLabel(frame.id)}: HV CAN uses extended (29-bit) ids only` };
  }
  const match = lookup(frame.id);
  if (match === undefined) {
    return { status: 'unknown', id: frame.id };
  }
  // TypeScript cannot correlate the looked-up type with its codec; the table guarantees it.
  const codec = HV_CAN_CODECS[match.type] as HvCanCodec<HvCanValues[HvCanMessageType]>;
  const decoded = codec.decode(frame.data);
  if (decoded.status === 'corrupt') {
    return { status: 'corrupt', reason: `${canIdLabel(frame.id)}: ${decoded.reason}` };
  }
  return {
    status: 'ok',
    address: match.address,
    message: { type: match.type, ...decoded.value } as HvCanMessage,
  };
}
