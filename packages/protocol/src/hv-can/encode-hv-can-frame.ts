// Encoder side of the HV CAN dispatcher: a message plus a BMS address becomes a CAN frame.
// Used by the simulator (replies) and the agent (polls).
import type { CanFrame } from '../can/can-frame.js';
import { HV_CAN_CODECS, type HvCanCodec } from './hv-can-codecs.table.js';
import { MAX_BMS_ADDRESS } from './hv-can-ids.js';
import type { HvCanMessage } from './hv-can-message.js';

/**
 * Throws a RangeError for an address outside 0..15 or a field that does not fit its wire type:
 * both are programming errors of the caller, never consequences of received input.
 */
export function encodeHvCanFrame(message: HvCanMessage, address = 0): CanFrame {
  // TypeScript cannot correlate `message.type` with its codec; the table guarantees it.
  const codec = HV_CAN_CODECS[message.type] as HvCanCodec<HvCanMessage>;
  if (codec.addressed && (!Number.isInteger(address) || address < 0 || address > MAX_BMS_ADDRESS)) {
    throw new RangeError(`BMS address ${address} is outside 0..${MAX_BMS_ADDRESS}`);
  }
  return { id: codec.baseId + (codec.addressed ? address : 0), extended: true, data: codec.encode(message) };
}
