// Encoder side of the LV CAN dispatcher: a message becomes a standard-id CAN frame.
import type { CanFrame } from '../can/can-frame.js';
import { LV_CAN_CODECS, type LvCanCodec } from './lv-can-codecs.table.js';
import type { LvCanMessage } from './lv-can-message.js';

/** Throws a RangeError for a field that does not fit its wire type (a caller's programming error). */
export function encodeLvCanFrame(message: LvCanMessage): CanFrame {
  // TypeScript cannot correlate `message.type` with its codec; the table guarantees it.
  const codec = LV_CAN_CODECS[message.type] as LvCanCodec<LvCanMessage>;
  return { id: codec.id, extended: false, data: codec.encode(message) };
}
