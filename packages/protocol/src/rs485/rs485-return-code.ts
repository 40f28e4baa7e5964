// RTN, the response code carried in a reply's CID2 position (protocol reference §3.4).
// ✔1: only the vendor PDF lists them; real traffic has only ever shown 0x00.

/** Closed set of the return codes of protocol V3.3. */
export const Rs485ReturnCode = {
  /** 0x00: the command was executed; INFO carries the answer. */
  normal: 0x00,
  /** 0x01: the battery does not speak the VER of the request. */
  versionError: 0x01,
  /** 0x02: the request's CHKSUM did not match its characters. */
  checksumError: 0x02,
  /** 0x03: the request's LCHKSUM did not match its LENID. */
  lengthChecksumError: 0x03,
  /** 0x04: CID2 is not a command this battery knows. */
  invalidCid2: 0x04,
  /** 0x05: the command is malformed (e.g. INFO of the wrong length). */
  commandFormatError: 0x05,
  /** 0x06: INFO carries a value the battery refuses. */
  invalidData: 0x06,
  /** 0x90: ADR is not valid for this battery / group. */
  addressError: 0x90,
  /** 0x91: the master could not reach a module on its internal bus. */
  internalCommunicationError: 0x91,
} as const;

export type Rs485ReturnCodeName = keyof typeof Rs485ReturnCode;

const NAMES = new Map<number, Rs485ReturnCodeName>(
  Object.entries(Rs485ReturnCode).map(([name, code]) => [code, name as Rs485ReturnCodeName]),
);

/** The name of an RTN byte, or `unknown` for a value outside the documented set. */
export function returnCodeName(rtn: number): Rs485ReturnCodeName | 'unknown' {
  return NAMES.get(rtn) ?? 'unknown';
}
