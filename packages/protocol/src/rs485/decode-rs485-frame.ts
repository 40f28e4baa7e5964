// Frame parser (protocol reference §3.1-§3.3): one frame's text → fields, or the reason it
// is refused. Never throws.
import { hexToBytes } from '../bytes/hex.js';
import { frameChecksum, lengthChecksum } from './rs485-checksum.js';
import { RS485_EOI, RS485_SOI, type Rs485Frame } from './rs485-frame.js';

/** Why a frame was refused; a closed set so counters can be labelled by it. */
export type Rs485CorruptReason =
  /** CHKSUM does not match the characters it covers. */
  | 'bad-checksum'
  /** LCHKSUM (top nibble of LENGTH) does not match LENID. */
  | 'bad-length-checksum'
  /** Fewer characters than the header and LENID promise (cut off, or a new `~` came early). */
  | 'truncated'
  /** More characters than LENID promises, or an odd LENID. */
  | 'bad-length'
  /** A character that is not a hex digit where hex is required. */
  | 'not-hex'
  /** Does not start with `~`. */
  | 'missing-soi'
  /** Longer than the stream parser's bound before any `\r` (streams only). */
  | 'too-long'
  /** Characters outside any frame (streams only). */
  | 'garbage';

export type Rs485FrameResult =
  | { status: 'ok'; frame: Rs485Frame }
  | { status: 'corrupt'; reason: Rs485CorruptReason; detail: string };

const HEX = /^[0-9A-Fa-f]*$/;
/** VER ADR CID1 CID2 LENGTH as hex characters. */
const HEADER_CHARS = 12;
const CHECKSUM_CHARS = 4;

function refuse(reason: Rs485CorruptReason, detail: string): Rs485FrameResult {
  return { status: 'corrupt', reason, detail };
}

/**
 * Decodes the text of one frame: `~`, hex characters, and optionally the terminating `\r`
 * (a stream parser strips it; a log line may keep it).
 */
export function decodeRs485Frame(text: string): Rs485FrameResult {
  if (!text.startsWith(RS485_SOI)) {
    return refuse('missing-soi', 'a frame starts with "~"');
  }
  const body = text.endsWith(RS485_EOI) ? text.slice(1, -1) : text.slice(1);
  if (!HEX.test(body)) {
    return refuse('not-hex', 'only hex digits may stand between "~" and "\\r"');
  }
  if (body.length < HEADER_CHARS + CHECKSUM_CHARS) {
    return refuse(
      'truncated',
      `${body.length} characters, a frame has at least ${HEADER_CHARS + CHECKSUM_CHARS}`,
    );
  }
  const length = Number.parseInt(body.slice(8, 12), 16);
  const lenid = length & 0xfff;
  const lchksum = length >> 12;
  if (lchksum !== lengthChecksum(lenid)) {
    return refuse(
      'bad-length-checksum',
      `LCHKSUM ${lchksum.toString(16).toUpperCase()} does not match LENID ${lenid} (expected ${lengthChecksum(lenid).toString(16).toUpperCase()})`,
    );
  }
  if (lenid % 2 !== 0) {
    return refuse('bad-length', `LENID ${lenid} is odd; INFO is whole bytes`);
  }
  const expected = HEADER_CHARS + lenid + CHECKSUM_CHARS;
  if (body.length < expected) {
    return refuse('truncated', `${body.length} characters, LENID ${lenid} needs ${expected}`);
  }
  if (body.length > expected) {
    return refuse('bad-length', `${body.length} characters, LENID ${lenid} allows ${expected}`);
  }
  const covered = body.slice(0, HEADER_CHARS + lenid);
  const received = Number.parseInt(body.slice(HEADER_CHARS + lenid), 16);
  const computed = frameChecksum(covered);
  if (received !== computed) {
    return refuse(
      'bad-checksum',
      `CHKSUM ${hex4(received)} does not match the frame (computed ${hex4(computed)})`,
    );
  }
  // The regex above guarantees valid hex of even length, so these cannot be undefined.
  const header = hexToBytes(body.slice(0, 8)) ?? new Uint8Array(4);
  const info = hexToBytes(body.slice(HEADER_CHARS, HEADER_CHARS + lenid)) ?? new Uint8Array(0);
  return {
    status: 'ok',
    frame: { ver: header[0] ?? 0, adr: header[1] ?? 0, cid1: header[2] ?? 0, cid2: header[3] ?? 0, info },
  };
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, '0');
}
