// Identifier rules of the HV CAN protocol (protocol reference §1.2 and §1.6): replies carry the
// BMS address (0..15) in the low nibble; 0x42x0…0x42xF and 0x73x0…0x73xF belong to reply bursts,
// including vendor extras such as 0x42A0…0x42F0 whose content is unknown.
import type { CanFrame } from '../can/can-frame.js';

export const MAX_BMS_ADDRESS = 15;

/** The BMS address of a frame that belongs to a reply burst, or undefined for any other frame. */
export function hvReplyAddress(frame: CanFrame): number | undefined {
  if (!frame.extended) {
    return undefined;
  }
  const page = frame.id >> 8;
  const isReply = (page === 0x42 && frame.id >= 0x4210) || page === 0x73;
  return isReply ? frame.id & 0xf : undefined;
}

/** `0x4211`-style label of a CAN id, used as the key of telemetry `raw` maps. */
export function canIdLabel(id: number): string {
  return `0x${id.toString(16).toUpperCase().padStart(4, '0')}`;
}
