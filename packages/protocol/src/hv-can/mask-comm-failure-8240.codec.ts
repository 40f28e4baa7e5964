// 0x8240 (+address) — PCS → BMS "temporarily mask external-communication failure". Protocol
// reference §1.2 (✔✔): if the BMS accepts (reply 0x8250) it keeps its relay closed for 5 min
// without PCS traffic, still tripping on real protections. ? No source gives the payload a
// meaning, so the 8 bytes are kept raw (all zero in the command we send).
import { type DecodeResult, withLength } from '../bytes/decode-result.js';
import { bytesToHex, hexToBytes } from '../bytes/hex.js';

export interface MaskCommFailure8240 {
  /** The 8 data bytes in upper-case hex. */
  dataHex: string;
}

export const MASK_COMM_FAILURE_8240: MaskCommFailure8240 = { dataHex: '0000000000000000' };

export function decodeMaskCommFailure8240(data: Uint8Array): DecodeResult<MaskCommFailure8240> {
  return withLength(data, 8, '0x8240', (d) => ({ dataHex: bytesToHex(d) }));
}

export function encodeMaskCommFailure8240(value: MaskCommFailure8240): Uint8Array {
  const data = hexToBytes(value.dataHex);
  if (data === undefined || data.length !== 8) {
    throw new RangeError(`0x8240 dataHex "${value.dataHex}" is not 8 bytes of hex`);
  }
  return data;
}
