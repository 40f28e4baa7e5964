// Dispatcher for Pylontech LV CAN frames (protocol reference §2): chooses the codec by id and
// returns a discriminated result like decodeHvCanFrame. Never throws: a wrong DLC or an
// extended (29-bit) id is `corrupt`, an id the table does not know is `unknown`.
import type { CanFrame } from '../can/can-frame.js';
import { canIdLabel } from '../hv-can/hv-can-ids.js';
import { LV_CAN_CODECS, type LvCanCodec } from './lv-can-codecs.table.js';
import type { LvCanMessage, LvCanMessageType, LvCanValues } from './lv-can-message.js';

export type LvCanDecodeResult =
  | { status: 'ok'; message: LvCanMessage }
  | { status: 'corrupt'; reason: string }
  | { status: 'unknown'; id: number };

const typeById = new Map<number, LvCanMessageType>();
for (const [type, codec] of Object.entries(LV_CAN_CODECS)) {
  typeById.set(codec.id, type as LvCanMessageType);
}

export function decodeLvCanFrame(frame: CanFrame): LvCanDecodeResult {
  if (frame.extended) {
    return { status: 'corrupt', reason: `${canIdLabel(frame.id)}: LV CAN uses standard (11-bit) ids only` };
  }
  const type = typeById.get(frame.id);
  if (type === undefined) {
    return { status: 'unknown', id: frame.id };
  }
  // TypeScript cannot correlate the looked-up type with its codec; the table guarantees it.
  const codec = LV_CAN_CODECS[type] as LvCanCodec<LvCanValues[LvCanMessageType]>;
  const decoded = codec.decode(frame.data);
  if (decoded.status === 'corrupt') {
    return { status: 'corrupt', reason: `${canIdLabel(frame.id)}: ${decoded.reason}` };
  }
  return { status: 'ok', message: { type, ...decoded.value } as LvCanMessage };
}
