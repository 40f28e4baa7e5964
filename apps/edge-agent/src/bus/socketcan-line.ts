// The text forms of can-utils (Debian package can-utils), which carry SocketCAN frames for
// SocketCanTransport: `candump -L -x <iface>` prints one frame per line in log-file format,
//   (1700000000.123456) can0 123#DEADBEEF R
//   (1700000000.123457) can0 00004200#0000000000000000 T
// (3 hex digits: standard id; 8: extended; `##` CAN FD; `#R` remote; the trailing R/T of -x
// says received from the bus / sent by a socket of this host), and `cansend <iface> <frame>`
// takes the same `<id>#<data>` form. Pure; never throws.
import { bytesToHex, type CanFrame, canFrameProblem } from '@fleet/protocol';

export type CandumpLine =
  | { kind: 'frame'; frame: CanFrame; iface: string }
  /** A frame this host sent (our own cansend, looped back by the kernel): not bus input. */
  | { kind: 'echo'; frame: CanFrame; iface: string }
  /** Well-formed but not for us: CAN FD, remote and error frames. */
  | { kind: 'ignored'; reason: string }
  | { kind: 'corrupt'; reason: string };

const LINE = /^\(\d+\.\d+\)\s+(\S+)\s+([0-9A-Fa-f]+)#(\S*?)(?:\s+([RT]))?$/;
const HEX_DATA = /^(?:[0-9A-Fa-f]{2}){0,8}$/;
/** linux/can.h CAN_ERR_FLAG as candump prints it in an 8-digit id. */
const CAN_ERR_FLAG = 0x20000000;

export function parseCandumpLine(line: string): CandumpLine {
  const match = LINE.exec(line.trim());
  if (!match) {
    return { kind: 'corrupt', reason: 'not a candump -L line' };
  }
  const [, iface = '', idText = '', data = '', direction] = match;
  if (data.startsWith('#')) {
    return { kind: 'ignored', reason: 'CAN FD frame' };
  }
  if (data.startsWith('R')) {
    return { kind: 'ignored', reason: 'remote frame' };
  }
  if (idText.length !== 3 && idText.length !== 8) {
    return { kind: 'corrupt', reason: `id "${idText}" is neither 3 nor 8 hex digits` };
  }
  const rawId = Number.parseInt(idText, 16);
  if (idText.length === 8 && (rawId & CAN_ERR_FLAG) !== 0) {
    return { kind: 'ignored', reason: 'error frame' };
  }
  if (!HEX_DATA.test(data)) {
    return { kind: 'corrupt', reason: `data "${data}" is not 0..8 hex bytes` };
  }
  const frame: CanFrame = {
    id: rawId,
    extended: idText.length === 8,
    data: Uint8Array.from(data.match(/../g) ?? [], (byte) => Number.parseInt(byte, 16)),
  };
  const problem = canFrameProblem(frame);
  if (problem !== undefined) {
    return { kind: 'corrupt', reason: problem };
  }
  return { kind: direction === 'T' ? 'echo' : 'frame', frame, iface };
}

/** `cansend`'s argument for a frame: 3 hex digits for a standard id, 8 for an extended one. */
export function formatCansendFrame(frame: CanFrame): string {
  const id = frame.id
    .toString(16)
    .toUpperCase()
    .padStart(frame.extended ? 8 : 3, '0');
  return `${id}#${bytesToHex(frame.data)}`;
}
