// Response frames (protocol reference §3.1, §3.4): the CID2 position carries RTN, and the
// 0x4F reply carries the protocol version in VER with an empty INFO.
import { encodeRs485Frame } from './encode-rs485-frame.js';
import { RS485_CID1_BATTERY, RS485_VERSION_V33, type Rs485Frame } from './rs485-frame.js';
import { Rs485ReturnCode } from './rs485-return-code.js';

export interface Rs485Response {
  adr: number;
  /** Defaults to `Rs485ReturnCode.normal`. */
  rtn?: number;
  info?: Uint8Array;
  /** Defaults to 0x20; in a 0x4F reply it *is* the answer. */
  ver?: number;
}

export function encodeRs485Response(response: Rs485Response): string {
  return encodeRs485Frame({
    ver: response.ver ?? RS485_VERSION_V33,
    adr: response.adr,
    cid1: RS485_CID1_BATTERY,
    cid2: response.rtn ?? Rs485ReturnCode.normal,
    info: response.info ?? new Uint8Array(0),
  });
}

/** Reads a response frame's RTN (the CID2 position) and whether it reports success. */
export function responseStatus(frame: Rs485Frame): { rtn: number; ok: boolean } {
  return { rtn: frame.cid2, ok: frame.cid2 === Rs485ReturnCode.normal };
}
