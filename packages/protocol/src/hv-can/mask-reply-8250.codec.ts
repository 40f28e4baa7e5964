// 0x8250 (+address) — BMS → PCS reply to 0x8240. Protocol reference §1.2 (✔1, DIY-HV only):
// byte0 0xAA = will act, 0x00 = refused; any other value is kept as `other` with its raw byte.
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { readU8, writeU8 } from '../bytes/little-endian.js';

export const MASK_ACCEPTED = 0xaa;
export const MASK_REFUSED = 0x00;

export type MaskReply = 'accepted' | 'refused' | 'other';

export interface MaskReply8250 {
  reply: MaskReply;
  /** byte0 as received; the encoder writes this. */
  replyRaw: number;
}

export function maskReply8250(accepted: boolean): MaskReply8250 {
  return accepted
    ? { reply: 'accepted', replyRaw: MASK_ACCEPTED }
    : { reply: 'refused', replyRaw: MASK_REFUSED };
}

function replyOf(raw: number): MaskReply {
  if (raw === MASK_ACCEPTED) {
    return 'accepted';
  }
  return raw === MASK_REFUSED ? 'refused' : 'other';
}

export function decodeMaskReply8250(data: Uint8Array): DecodeResult<MaskReply8250> {
  return withLength(data, 8, '0x8250', (d) => ({ reply: replyOf(readU8(d, 0)), replyRaw: readU8(d, 0) }));
}

export function encodeMaskReply8250(value: MaskReply8250): Uint8Array {
  const data = new Uint8Array(8);
  writeU8(data, 0, value.replyRaw, 'replyRaw');
  return data;
}
