// One frame of the RS485 ASCII protocol V3.3 (protocol reference §3.1), after the hex-ASCII
// layer: `~` VER ADR CID1 CID2/RTN LENGTH INFO CHKSUM `\r`, every byte but SOI/EOI sent as
// two upper-case hex characters.

/** SOI: starts every frame, sent raw. */
export const RS485_SOI = '~';
/** EOI: ends every frame, sent raw. */
export const RS485_EOI = '\r';
/** VER of V3.3; every real frame carries 0x20 (§3.1). */
export const RS485_VERSION_V33 = 0x20;
/** CID1 "battery data", the only device class this protocol uses (§3.1). */
export const RS485_CID1_BATTERY = 0x46;

export interface Rs485Frame {
  ver: number;
  adr: number;
  cid1: number;
  /**
   * CID2 in a request (the command, see `RS485_COMMANDS`), RTN in a response (see
   * `Rs485ReturnCode`). The frame alone does not say which: the direction does.
   */
  cid2: number;
  info: Uint8Array;
}

/** Characters of a frame with INFO of `infoBytes` bytes: SOI + 12 header + INFO + 4 CHKSUM + EOI. */
export function rs485FrameLength(infoBytes: number): number {
  return 1 + 12 + infoBytes * 2 + 4 + 1;
}
